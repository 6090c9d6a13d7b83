import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { StoreStatus } from '../store/status-reads.js';
import { parsePlaybook } from '../domain/playbook-loader.js';
import type { Playbook } from '../domain/playbook-schema.js';
import { checkMapping, unmappedPipelines } from '../domain/stage-mapping.js';
import { notYetYourOwn } from '../domain/playbook-readiness.js';
import { first100Properties } from '../hubspot/first100-properties.js';
import { HubSpotError } from '../hubspot/hubspot-error.js';
import type { HubSpotPort, Pipeline } from '../hubspot/hubspot-port.js';
import { isScope, SCOPES, type Scope } from '../hubspot/scopes.js';
import { describeNetworkFailure } from './network-failure.js';

export type CheckStatus = 'ok' | 'warn' | 'fail';
export interface CheckResult {
  check: string;
  status: CheckStatus;
  detail: string;
}

const ok = (check: string, detail: string): CheckResult => ({ check, status: 'ok', detail });
const warn = (check: string, detail: string): CheckResult => ({ check, status: 'warn', detail });
const fail = (check: string, detail: string): CheckResult => ({ check, status: 'fail', detail });

/** The scopes the app asks HubSpot for, as extensions/app/app-hsmeta.json declares them. */
export async function requiredScopes(projectDir: string): Promise<string[]> {
  const app = JSON.parse(await readFile(join(projectDir, 'extensions/app/app-hsmeta.json'), 'utf8'));
  return app.config.auth.requiredScopes;
}

export async function checkToken(hubspot: HubSpotPort, config: Config, projectDir: string): Promise<CheckResult[]> {
  let info;
  try {
    info = await hubspot.readTokenInfo();
  } catch (error) {
    return [fail('token', describe(error, 'HubSpot refused the token: copy HUBSPOT_ACCESS_TOKEN again from the app (Development → your app → Auth)'))];
  }
  if (info === null) return probeReads(hubspot);
  const results: CheckResult[] = [];
  if (config.hubspot.portalId && info.hubId !== config.hubspot.portalId) {
    results.push(fail('token', `the token belongs to account ${info.hubId}, but HUBSPOT_PORTAL_ID is ${config.hubspot.portalId}: fix one of them`));
  } else {
    results.push(ok('token', `valid for account ${info.hubId}`));
  }
  const missing = (await requiredScopes(projectDir)).filter((s) => !info.scopes.includes(s));
  results.push(
    missing.length === 0
      ? ok('scopes', `the token has all ${info.scopes.length} scopes the app needs`)
      : fail('scopes', `the token lacks ${missing.map(withReason).join('; ')}: upload the project (hs project upload) so the app asks for extensions/app/app-hsmeta.json's requiredScopes, reinstall it, and use its new token`),
  );
  return results;
}

const withReason = (scope: string) => (isScope(scope) ? `${scope} (for ${SCOPES[scope]})` : scope);

/**
 * Without HubSpot's description of the token, its read scopes show in what it may read. Each probe is a call whose
 * endpoint takes that one scope and no other (the `security` of its OpenAPI spec); property and pipeline reads are
 * not probes, since they accept any of dozens of scopes and so name none.
 */
async function probeReads(hubspot: HubSpotPort): Promise<CheckResult[]> {
  const probes: [Scope, () => Promise<unknown>][] = [
    ['crm.objects.deals.read', () => hubspot.readObjects('deals', ['1'], ['dealname'])],
    ['crm.objects.companies.read', () => hubspot.readObjects('companies', ['1'], ['name'])],
    ['crm.objects.contacts.read', () => hubspot.readContacts(['1'])],
  ];
  const refused: Scope[] = [];
  for (const [scope, probe] of probes) {
    try {
      await probe();
    } catch (error) {
      if (error instanceof HubSpotError && error.code === 'FORBIDDEN') refused.push(scope);
      else return [fail('token', describe(error, 'check HUBSPOT_ACCESS_TOKEN'))];
    }
  }
  return [
    ok('token', 'HubSpot accepts it (its token-info endpoint does not describe this kind of token, so its reads were tried)'),
    refused.length === 0
      ? warn('scopes', 'every read first100 needs works; write scopes cannot be tried without writing: compare the app\'s scopes with extensions/app/app-hsmeta.json')
      : fail('scopes', `HubSpot refused reads needing ${refused.map(withReason).join('; ')}: add them to the app's scopes, upload (hs project upload) and reinstall`),
  ];
}

export async function checkProperties(hubspot: HubSpotPort, locale: 'en' | 'it'): Promise<CheckResult[]> {
  const wanted = first100Properties(locale);
  const results: CheckResult[] = [];
  for (const objectType of ['deals', 'companies'] as const) {
    const existing = new Map((await hubspot.readProperties(objectType)).map((p) => [p.name, p]));
    const missing = wanted[objectType].filter((p) => !existing.has(p.name)).map((p) => p.name);
    const wrong = wanted[objectType].filter((p) => existing.has(p.name) && existing.get(p.name)!.type !== p.type).map((p) => `${p.name} (${existing.get(p.name)!.type}, expected ${p.type})`);
    if (missing.length > 0) results.push(fail(`${objectType} properties`, `${missing.length} missing (${missing.join(', ')}): run "first100 setup"`));
    else if (wrong.length > 0) results.push(warn(`${objectType} properties`, `of another type: ${wrong.join(', ')}: change them in HubSpot or delete them and run "first100 setup"`));
    else results.push(ok(`${objectType} properties`, `all ${wanted[objectType].length} first100 properties exist`));
  }
  return results;
}

export async function checkPlaybook(playbookPath: string, pipelines: Pipeline[]): Promise<CheckResult[]> {
  let playbook;
  try {
    playbook = parsePlaybook(await readFile(playbookPath, 'utf8'), playbookPath);
  } catch (error) {
    return [fail('playbook', `${(error as Error).message} (set PLAYBOOK to the playbook to run)`)];
  }
  const own = notYetYourOwn(playbook).map((problem) => fail('playbook content', problem));
  return [...mappingResults(playbookPath, playbook, pipelines), ...(own.length > 0 ? own : [ok('playbook content', 'the stories and terms clients read are your own')])];
}

function mappingResults(playbookPath: string, playbook: Playbook, pipelines: Pipeline[]): CheckResult[] {
  const problems = checkMapping(pipelines, playbook.pipelines);
  if (problems.length === 0) {
    const stages = Object.values(playbook.pipelines).reduce((n, s) => n + Object.keys(s).length, 0);
    const left = unmappedPipelines(pipelines, playbook.pipelines).map((p) => `${p.label} (${p.id})`);
    const leftOut = left.length > 0 ? `; not mapped, so their deals never start onboarding by a stage change: ${left.join(', ')}` : '';
    return [ok('playbook', `${playbookPath} maps ${stages} stages of the portal's ${pipelines.length} pipelines${leftOut}`)];
  }
  return problems.map((p) => (p.severity === 'error' ? fail('playbook', p.message) : warn('playbook', p.message)));
}

export async function checkPublicUrl(publicBaseUrl: string | undefined, fetchUrl: typeof fetch, timeoutMs = 5000): Promise<CheckResult[]> {
  if (!publicBaseUrl) return [fail('public URL', 'PUBLIC_BASE_URL is not set: HubSpot needs the https URL of this server for webhooks and cards')];
  if (!publicBaseUrl.startsWith('https://')) return [fail('public URL', `${publicBaseUrl} is not https: HubSpot calls only https URLs`)];
  try {
    const res = await fetchUrl(`${publicBaseUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    if (res.ok) return [ok('public URL', `${publicBaseUrl}/healthz answers ${res.status}`)];
    return [fail('public URL', `${publicBaseUrl}/healthz answers ${res.status}: is it first100 behind that URL? Check the proxy in front of it`)];
  } catch (error) {
    return [fail('public URL', `${publicBaseUrl}/healthz cannot be reached: ${describeNetworkFailure(error, publicBaseUrl)}. Deploy the server there, or fix PUBLIC_BASE_URL`)];
  }
}

/**
 * How the server's work stands, from its status (GET / as JSON): work waiting on HubSpot after failures, and work
 * HubSpot refused for good. Says nothing when the status cannot be read (the public URL check says why).
 */
export async function checkServerWork(publicBaseUrl: string | undefined, fetchUrl: typeof fetch, timeoutMs = 5000): Promise<CheckResult[]> {
  if (!publicBaseUrl) return [];
  let work: StoreStatus | undefined;
  try {
    const res = await fetchUrl(`${publicBaseUrl}/`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    work = res.ok ? ((await res.json()) as { work?: StoreStatus }).work : undefined;
  } catch {
    return [];
  }
  if (!work) return [];
  const results: CheckResult[] = [];
  const failed = work.stepsFailed + work.stageChangesFailed;
  if (work.stepsRetrying > 0) {
    results.push(warn('work', `${work.stepsRetrying} steps wait for HubSpot after a failure (down or limiting); they are retried every few minutes until it answers, nothing is lost`));
  }
  if (failed > 0) {
    results.push(warn('work', `${work.stepsFailed} steps and ${work.stageChangesFailed} stage changes failed: HubSpot refused them (each keeps its reason); fix the cause, then run first100 retry`));
  }
  return results.length > 0 ? results : [ok('work', `${work.stepsWaiting} steps waiting, none failed`)];
}

function describe(error: unknown, advice: string): string {
  return error instanceof HubSpotError && error.code === 'UNAUTHORIZED' ? advice : (error as Error).message;
}

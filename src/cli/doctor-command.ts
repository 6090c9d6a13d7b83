import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig, requirementProblems, type Config } from '../config.js';
import { parsePlaybook } from '../domain/playbook-loader.js';
import { createHubSpotAdapter } from '../hubspot/create-hubspot-adapter.js';
import type { HubSpotPort } from '../hubspot/hubspot-port.js';
import { defineCommand } from './command.js';
import { checkPlaybook, checkProperties, checkPublicUrl, checkServerWork, checkToken, type CheckResult } from './doctor-checks.js';
import { checkEmail, verifySmtp, type SmtpVerifier } from './doctor-email.js';
import { checkReachable } from './network-failure.js';
import { checkProjectUrls } from './project-urls.js';

export interface DoctorDeps {
  config: Config;
  /** Absent without an access token: the checks that need HubSpot are skipped. */
  hubspot?: HubSpotPort;
  fetch: typeof fetch;
  projectDir: string;
  /** How the SMTP login is tried (tests pass a short timeout). */
  verifySmtp?: SmtpVerifier;
  /** How long a URL may stay silent before it counts as a timeout. */
  timeoutMs?: number;
}

export const doctorCli = defineCommand({
  name: 'doctor',
  summary: 'check the settings, token, scopes, properties, playbook, email, public URL and HubSpot project',
  synopsis: 'first100 doctor [--json]',
  help: `Checks that first100 and the HubSpot account fit together, one line each, and says what to fix:
the settings the server needs, that HubSpot's API can be reached, the access token and its scopes, the
first100 properties, the playbook against the account's real pipelines and stages, the email transport
(an SMTP login is tried; nothing is sent), PUBLIC_BASE_URL/healthz, and that the HubSpot project names
that URL everywhere. Exits 1 when something must be fixed.

  --json    one JSON document instead: {"ok": true|false, "checks": [{"check", "status", "detail"}]}
`,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const loaded = loadConfig(io.env, 'tool');
    const config = { ...loaded, playbookPath: resolve(io.workDir, loaded.playbookPath) };
    const hubspot = config.hubspot.accessToken
      ? createHubSpotAdapter({ accessToken: config.hubspot.accessToken, apiBaseUrl: config.hubspot.apiBaseUrl, callsPer10s: config.hubspot.callsPer10s })
      : undefined;
    const results = await collectDoctorChecks({ config, hubspot, fetch, projectDir: io.projectDir });
    if (values.json) io.out(JSON.stringify({ ok: !results.some((r) => r.status === 'fail'), checks: results }, null, 2));
    else printResults(results, io.out);
    return results.some((r) => r.status === 'fail') ? 1 : 0;
  },
});

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;

/** Runs every check, prints one line each, returns the exit code. */
export async function runDoctor(deps: DoctorDeps, print: (line: string) => void): Promise<number> {
  const results = await collectDoctorChecks(deps);
  printResults(results, print);
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}

function printResults(results: CheckResult[], print: (line: string) => void): void {
  for (const r of results) print(`${MARK[r.status]} ${r.check}: ${r.detail}`);
  const failed = results.filter((r) => r.status === 'fail').length;
  print(failed === 0 ? 'first100 and HubSpot fit together.' : `${failed} thing(s) to fix, above.`);
}

export async function collectDoctorChecks(deps: DoctorDeps): Promise<CheckResult[]> {
  const { config, hubspot } = deps;
  const results: CheckResult[] = [...settings(config)];
  if (hubspot) {
    const reach = await checkReachable('HubSpot API', config.hubspot.apiBaseUrl, deps.fetch, deps.timeoutMs);
    results.push(...reach);
    if (reach.every((r) => r.status !== 'fail')) {
      results.push(...(await checkToken(hubspot, config, deps.projectDir)));
      if (!results.some((r) => r.check === 'token' && r.status === 'fail')) {
        const locale = await playbookLocale(config.playbookPath);
        results.push(...(await checkProperties(hubspot, locale)));
        results.push(...(await checkPlaybook(config.playbookPath, await hubspot.readPipelines())));
      }
    }
  }
  results.push(...(await checkEmail(config, deps.verifySmtp ?? verifySmtp())));
  const reachable = await checkPublicUrl(config.publicBaseUrl, deps.fetch, deps.timeoutMs);
  results.push(...reachable);
  if (reachable.every((r) => r.status === 'ok')) results.push(...(await checkServerWork(config.publicBaseUrl, deps.fetch, deps.timeoutMs)));
  results.push(...(await checkProjectUrls(deps.projectDir, config.publicBaseUrl, config.hubspot.portalId)));
  return results;
}

/** What the server would refuse to start without, said as doctor lines. */
function settings(config: Config): CheckResult[] {
  const problems = requirementProblems(config, 'server');
  if (!config.hubspot.accessToken) problems.unshift('HUBSPOT_ACCESS_TOKEN: not set, so first100 runs in dry-run and writes nothing to HubSpot');
  return problems.length === 0
    ? [{ check: 'settings', status: 'ok', detail: 'token, client secret, account id, public URL and email transport are set' }]
    : problems.map((p) => ({ check: 'settings', status: 'fail', detail: p }));
}

async function playbookLocale(path: string): Promise<'en' | 'it'> {
  try {
    return parsePlaybook(await readFile(path, 'utf8'), path).locale;
  } catch {
    return 'en'; // the playbook check reports why it cannot be read
  }
}

import { copyFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor-command.js';
import { writeProjectSettings } from '../../src/cli/project-url-writer.js';
import { runSetup } from '../../src/cli/setup-command.js';
import { loadConfig } from '../../src/config.js';
import { createHubSpotAdapter } from '../../src/hubspot/create-hubspot-adapter.js';
import { fakePortal, PORTAL_PIPELINES, type PortalState } from '../support/fake-portal.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';
import { startSmtpSink } from '../support/smtp-sink.js';

const PROJECT_DIR = join(import.meta.dirname, '../..');
const hubspot = () => createHubSpotAdapter({ accessToken: 'pat-test', apiBaseUrl: 'https://api.hubapi.com', callsPer10s: 250, retry: { attempts: 2, serverErrorDelayMs: 1, rateLimitDelayMs: 1 } });
const appScopes = async () => JSON.parse(await readFile(join(PROJECT_DIR, 'extensions/app/app-hsmeta.json'), 'utf8')).config.auth.requiredScopes as string[];

let cleanUps: (() => Promise<void> | void)[] = [];
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1'); // the local SMTP server
});
afterEach(async () => {
  for (const cleanUp of cleanUps) await cleanUp();
  cleanUps = [];
  nock.cleanAll();
});

/** A portal and a playbook that `first100 setup` has already prepared. */
async function preparedPortal(tokenInfo: PortalState['tokenInfo']) {
  const dir = await mkdtemp(join(tmpdir(), 'first100-doctor-'));
  const playbookPath = join(dir, 'playbook.yml');
  await copyFile(SMALL_PLAYBOOK_PATH, playbookPath);
  const portal = fakePortal({ groups: { deals: [], companies: [] }, properties: { deals: [], companies: [] }, pipelines: PORTAL_PIPELINES, tokenInfo: 'unknown' });
  cleanUps.push(() => portal.stop(), () => rm(dir, { recursive: true, force: true }));
  await runSetup(hubspot(), { dryRun: false, playbookPath, pipelines: ['default', '987654'], ask: async () => 'y' }, () => {});
  portal.state.tokenInfo = tokenInfo;
  // The HubSpot project as first100 init leaves it: pointing at the server, uploading to the account.
  const projectDir = join(dir, 'project');
  for (const entry of ['hsproject.json', 'hubspot.config.yml', 'extensions']) await cp(join(PROJECT_DIR, entry), join(projectDir, entry), { recursive: true });
  await writeProjectSettings(projectDir, { baseUrl: 'https://first100.example.com', portalId: '4242' });
  const smtp = await startSmtpSink({ credentials: { user: 'first100', pass: 'right' } });
  cleanUps.push(() => smtp.stop());
  return { portal, playbookPath, projectDir, smtpUrl: smtp.url };
}

function config(prepared: { playbookPath: string; smtpUrl: string }, env: Record<string, string> = {}) {
  return loadConfig({
    HUBSPOT_ACCESS_TOKEN: 'pat-test',
    HUBSPOT_CLIENT_SECRET: 'secret',
    HUBSPOT_PORTAL_ID: '4242',
    PUBLIC_BASE_URL: 'https://first100.example.com',
    PLAYBOOK: prepared.playbookPath,
    SMTP_URL: prepared.smtpUrl,
    EMAIL_FROM: 'Acme Onboarding <onboarding@acme.example>',
    EMAIL_BRAND_NAME: 'Acme',
    ...env,
  });
}

async function doctor(cfg: ReturnType<typeof loadConfig>, projectDir: string) {
  const lines: string[] = [];
  const code = await runDoctor({ config: cfg, hubspot: hubspot(), fetch, projectDir }, (l) => lines.push(l));
  return { code, lines };
}

describe('first100 doctor', () => {
  it("says how the server's work stands: waiting on HubSpot after failures, or refused and waiting for first100 retry", async () => {
    const prepared = await preparedPortal({ hubId: 4242, scopes: await appScopes() });
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const work = { dealsInOnboarding: 3, stepsWaiting: 12, stepsRetrying: 12, stepsFailed: 2, stageChangesFailed: 1, eventsSetAside: 0, lastWebhookAt: null };
    nock('https://first100.example.com').get('/').matchHeader('accept', 'application/json').reply(200, { mode: 'live', work });
    const { lines } = await doctor(config(prepared), prepared.projectDir);
    expect(lines).toContain('! work: 12 steps wait for HubSpot after a failure (down or limiting); they are retried every few minutes until it answers, nothing is lost');
    expect(lines).toContain('! work: 2 steps and 1 stage changes failed: HubSpot refused them (each keeps its reason); fix the cause, then run first100 retry');
  });

  it('passes on an account set up for first100, with the server reachable', async () => {
    const prepared = await preparedPortal({ hubId: 4242, scopes: await appScopes() });
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(prepared), prepared.projectDir);
    expect(lines.filter((l) => !l.startsWith('✓'))).toEqual(['first100 and HubSpot fit together.']);
    expect(lines).toContain('✓ token: valid for account 4242');
    expect(code).toBe(0);
  });

  it('names each problem with what to fix, and exits 1', async () => {
    const prepared = await preparedPortal({ hubId: 4242, scopes: (await appScopes()).filter((s) => s !== 'crm.schemas.deals.write') });
    const { portal } = prepared;
    portal.state.properties.deals = portal.state.properties.deals.filter((p) => p.name !== 'first100_health');
    portal.state.pipelines = PORTAL_PIPELINES.filter((p) => p.id === 'default');
    nock('https://first100.example.com').get('/healthz').reply(502, 'Bad gateway');

    const { code, lines } = await doctor(config(prepared), prepared.projectDir);
    expect(code).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^✗ scopes: the token lacks crm\.schemas\.deals\.write \(for "first100 setup" creating the first100 deal properties and their group\): upload the project \(hs project upload\)/),
        '✗ deals properties: 1 missing (first100_health): run "first100 setup"',
        '✗ playbook: the playbook maps pipeline "987654", which the portal does not have: run "first100 setup" or fix the id',
        expect.stringMatching(/^✗ public URL: https:\/\/first100\.example\.com\/healthz answers 502/),
        '4 thing(s) to fix, above.',
      ]),
    );
  });

  it('stops at a token of another account', async () => {
    const prepared = await preparedPortal({ hubId: 999, scopes: await appScopes() });
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(prepared), prepared.projectDir);
    expect(lines).toContain('✗ token: the token belongs to account 999, but HUBSPOT_PORTAL_ID is 4242: fix one of them');
    expect(lines.some((l) => l.includes('properties'))).toBe(false);
    expect(code).toBe(1);
  });

  it('says when the HubSpot project points at another server than PUBLIC_BASE_URL', async () => {
    const prepared = await preparedPortal({ hubId: 4242, scopes: await appScopes() });
    nock('https://onboarding.acme.example').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(prepared, { PUBLIC_BASE_URL: 'https://onboarding.acme.example' }), prepared.projectDir);
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('✗ HubSpot project'))).toContain(
      'extensions/app/cards/lib/backend.ts BACKEND_URL is https://first100.example.com, should be https://onboarding.acme.example',
    );
    expect(lines.find((l) => l.startsWith('✗ HubSpot project'))).toContain('Run "first100 project set-url https://onboarding.acme.example", then upload with "hs project upload"');
  });

  it('tries the reads when HubSpot does not describe the token', async () => {
    const prepared = await preparedPortal('unknown');
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(prepared), prepared.projectDir);
    expect(lines).toContain("✓ token: HubSpot accepts it (its token-info endpoint does not describe this kind of token, so its reads were tried)");
    expect(lines.find((l) => l.startsWith('! scopes'))).toContain('write scopes cannot be tried without writing');
    expect(code).toBe(0);
  });

  it('names the scope each refused read probe needs: contacts read, which tasks, notes and emails need too', async () => {
    const prepared = await preparedPortal('unknown');
    const { portal } = prepared;
    portal.state.forbiddenReads = ['contacts'];
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(prepared), prepared.projectDir);
    expect(lines.find((l) => l.startsWith('✗ scopes'))).toMatch(/^✗ scopes: HubSpot refused reads needing crm\.objects\.contacts\.read \(for reading the deal's contacts for emails; .*\): add them to the app's scopes/);
    expect(portal.requests.filter((r) => r.path.endsWith('/batch/read')).map((r) => r.path)).toEqual([
      '/crm/v3/objects/deals/batch/read',
      '/crm/v3/objects/companies/batch/read',
      '/crm/v3/objects/contacts/batch/read',
    ]);
    expect(code).toBe(1);
  });

  it('stops at a refused token, saying where to get a good one', async () => {
    const prepared = await preparedPortal('invalid');
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(prepared), prepared.projectDir);
    expect(lines).toContain("✗ token: HubSpot refused the token: copy HUBSPOT_ACCESS_TOKEN again from the app (Development → your app → Auth)");
    expect(lines.some((l) => l.includes('properties'))).toBe(false);
    expect(code).toBe(1);
  });
});

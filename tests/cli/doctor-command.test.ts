import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor-command.js';
import { runSetup } from '../../src/cli/setup-command.js';
import { loadConfig } from '../../src/config.js';
import { createHubSpotAdapter } from '../../src/hubspot/create-hubspot-adapter.js';
import { fakePortal, PORTAL_PIPELINES, type PortalState } from '../support/fake-portal.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';

const PROJECT_DIR = join(import.meta.dirname, '../..');
const hubspot = () => createHubSpotAdapter({ accessToken: 'pat-test', apiBaseUrl: 'https://api.hubapi.com', callsPer10s: 250, retry: { attempts: 2, serverErrorDelayMs: 1, rateLimitDelayMs: 1 } });
const appScopes = async () => JSON.parse(await readFile(join(PROJECT_DIR, 'extensions/app/app-hsmeta.json'), 'utf8')).config.auth.requiredScopes as string[];

let cleanUps: (() => Promise<void> | void)[] = [];
beforeAll(() => nock.disableNetConnect());
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
  const portal = fakePortal({ groups: { deals: [], companies: [] }, properties: { deals: [], companies: [] }, pipelines: PORTAL_PIPELINES, tokenInfo });
  cleanUps.push(() => portal.stop(), () => rm(dir, { recursive: true, force: true }));
  await runSetup(hubspot(), { dryRun: false, playbookPath }, () => {});
  return { portal, playbookPath };
}

function config(playbookPath: string, env: Record<string, string> = {}) {
  return loadConfig({
    HUBSPOT_ACCESS_TOKEN: 'pat-test',
    HUBSPOT_CLIENT_SECRET: 'secret',
    HUBSPOT_PORTAL_ID: '4242',
    PUBLIC_BASE_URL: 'https://first100.example.com',
    PLAYBOOK: playbookPath,
    ...env,
  });
}

async function doctor(cfg: ReturnType<typeof loadConfig>) {
  const lines: string[] = [];
  const code = await runDoctor({ config: cfg, hubspot: hubspot(), fetch, projectDir: PROJECT_DIR }, (l) => lines.push(l));
  return { code, lines };
}

describe('first100 doctor', () => {
  it('passes on an account set up for first100, with the server reachable', async () => {
    const { playbookPath } = await preparedPortal({ hubId: 4242, scopes: await appScopes() });
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(playbookPath));
    expect(lines.filter((l) => !l.startsWith('✓'))).toEqual(['first100 and HubSpot fit together.']);
    expect(lines).toContain('✓ token: valid for account 4242');
    expect(code).toBe(0);
  });

  it('names each problem with what to fix, and exits 1', async () => {
    const { portal, playbookPath } = await preparedPortal({ hubId: 4242, scopes: (await appScopes()).filter((s) => s !== 'crm.schemas.deals.write') });
    portal.state.properties.deals = portal.state.properties.deals.filter((p) => p.name !== 'first100_health');
    portal.state.pipelines = PORTAL_PIPELINES.filter((p) => p.id === 'default');
    nock('https://first100.example.com').get('/healthz').reply(502, 'Bad gateway');

    const { code, lines } = await doctor(config(playbookPath));
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
    const { playbookPath } = await preparedPortal({ hubId: 999, scopes: await appScopes() });
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(playbookPath));
    expect(lines).toContain('✗ token: the token belongs to account 999, but HUBSPOT_PORTAL_ID is 4242: fix one of them');
    expect(lines.some((l) => l.includes('properties'))).toBe(false);
    expect(code).toBe(1);
  });

  it('says when the HubSpot project points at another server than PUBLIC_BASE_URL', async () => {
    const { playbookPath } = await preparedPortal({ hubId: 4242, scopes: await appScopes() });
    nock('https://onboarding.acme.example').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(playbookPath, { PUBLIC_BASE_URL: 'https://onboarding.acme.example' }));
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('✗ HubSpot project'))).toContain('Set them, then upload with "hs project upload"');
  });

  it('tries the reads when HubSpot does not describe the token', async () => {
    const { playbookPath } = await preparedPortal('unknown');
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(playbookPath));
    expect(lines).toContain("✓ token: HubSpot accepts it (its token-info endpoint does not describe this kind of token, so its reads were tried)");
    expect(lines.find((l) => l.startsWith('! scopes'))).toContain('write scopes cannot be tried without writing');
    expect(code).toBe(0);
  });

  it('names the scope each refused read probe needs: contacts read, which tasks, notes and emails need too', async () => {
    const { portal, playbookPath } = await preparedPortal('unknown');
    portal.state.forbiddenReads = ['contacts'];
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(playbookPath));
    expect(lines.find((l) => l.startsWith('✗ scopes'))).toMatch(/^✗ scopes: HubSpot refused reads needing crm\.objects\.contacts\.read \(for reading the deal's contacts for emails; .*\): add them to the app's scopes/);
    expect(portal.requests.filter((r) => r.path.endsWith('/batch/read')).map((r) => r.path)).toEqual([
      '/crm/v3/objects/deals/batch/read',
      '/crm/v3/objects/companies/batch/read',
      '/crm/v3/objects/contacts/batch/read',
    ]);
    expect(code).toBe(1);
  });

  it('stops at a refused token, saying where to get a good one', async () => {
    const { playbookPath } = await preparedPortal('invalid');
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const { code, lines } = await doctor(config(playbookPath));
    expect(lines).toContain("✗ token: HubSpot refused the token: copy HUBSPOT_ACCESS_TOKEN again from the app (Development → your app → Auth)");
    expect(lines.some((l) => l.includes('properties'))).toBe(false);
    expect(code).toBe(1);
  });
});

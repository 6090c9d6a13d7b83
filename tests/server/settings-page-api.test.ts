import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeProjectSettings } from '../../src/cli/project-url-writer.js';
import { runSetup } from '../../src/cli/setup-command.js';
import { createHubSpotAdapter } from '../../src/hubspot/create-hubspot-adapter.js';
import type { SettingsView } from '../../src/server/page-api-types.js';
import { cardCall } from '../support/card-requests.js';
import { fakePortal, PORTAL_PIPELINES } from '../support/fake-portal.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { startServer } from '../support/start-server.js';

const PROJECT_DIR = join(import.meta.dirname, '../..');
const now = Date.parse('2026-12-04T14:00:00Z');
let cleanUps: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  cleanUps = [];
  nock.cleanAll();
});

/** An account `first100 setup` prepared, the HubSpot project pointing at the server, and the server running. */
async function serverOnPreparedPortal(unmapStages: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), 'first100-settings-'));
  const playbookPath = join(dir, 'playbook.yml');
  await copyFile(SMALL_PLAYBOOK_PATH, playbookPath);
  const scopes = JSON.parse(await readFile(join(PROJECT_DIR, 'extensions/app/app-hsmeta.json'), 'utf8')).config.auth.requiredScopes as string[];
  const portal = fakePortal({ groups: { deals: [], companies: [] }, properties: { deals: [], companies: [] }, pipelines: PORTAL_PIPELINES, tokenInfo: 'unknown' });
  const adapter = createHubSpotAdapter({ accessToken: 'pat-test-token', apiBaseUrl: 'https://api.hubapi.com', callsPer10s: 250, retry: { attempts: 1, serverErrorDelayMs: 1, rateLimitDelayMs: 1 } });
  await runSetup(adapter, { dryRun: false, playbookPath, pipelines: ['default', '987654'], ask: async () => 'y' }, () => {});
  portal.state.tokenInfo = { hubId: 4242, scopes };
  const mapped = await readFile(playbookPath, 'utf8');
  await writeFile(playbookPath, mapped.split('\n').filter((line) => !unmapStages.some((id) => line.trim().startsWith(`"${id}":`))).join('\n'));
  const projectDir = join(dir, 'project');
  for (const entry of ['hsproject.json', 'hubspot.config.yml', 'extensions']) await cp(join(PROJECT_DIR, entry), join(projectDir, entry), { recursive: true });
  await writeProjectSettings(projectDir, { baseUrl: 'https://first100.example.com', portalId: '4242' });
  const smtp = await startSmtpSink({ credentials: { user: 'first100', pass: 'right' } });
  const server = await startServer({
    clock: () => now,
    projectDir,
    env: { PLAYBOOK: playbookPath, SMTP_URL: smtp.url, EMAIL_FROM: 'Acme Onboarding <onboarding@acme.example>', EMAIL_BRAND_NAME: 'Acme' },
  });
  cleanUps.push(() => rm(dir, { recursive: true, force: true }), () => portal.stop(), () => smtp.stop(), () => server.cleanUp());
  return { portal, server };
}

const settings = async (server: { url: string }) => {
  const res = await cardCall(server.url, 'GET', '/api/pages/settings', now);
  expect(res.status).toBe(200);
  return (await res.json()) as SettingsView;
};

describe('settings endpoint: the doctor checks, run from the server', () => {
  it('passes on an account set up for first100, and shows the playbook, its stage mapping and the email sender', async () => {
    const { server } = await serverOnPreparedPortal();
    nock('https://first100.example.com').get('/healthz').reply(200, { status: 'ok' });
    const view = await settings(server);
    expect(view.checks.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(view.checks.map((c) => c.check)).toEqual(expect.arrayContaining(['token', 'scopes', 'deals properties', 'playbook', 'email', 'public URL', 'HubSpot project']));
    expect(view.playbook).toMatchObject({ name: 'Test playbook', locale: 'en', timezone: 'Europe/Rome' });
    expect(view.email).toMatchObject({ from: 'Acme Onboarding <onboarding@acme.example>', brandName: 'Acme', transport: expect.stringMatching(/^SMTP via 127\.0\.0\.1:\d+$/) });
    expect(view.stageMapping.flatMap((p) => p.stages).filter((s) => s.flagged)).toEqual([]);
    expect(view.stageMapping.find((p) => p.pipelineId === '987654')!.stages.map((s) => [s.label, s.kind, s.target])).toEqual([
      ['Renewal due', 'open', 'activate'],
      ['Renewed', 'won', 'admit'],
      ['On hold', 'closed', null],
      ['Churned', 'lost', 'lost'],
    ]);
  });

  it('shows each failing check with what to fix', async () => {
    const { server, portal } = await serverOnPreparedPortal(['112', '114']);
    portal.state.properties.deals = portal.state.properties.deals.filter((p) => p.name !== 'first100_health');
    nock('https://first100.example.com').get('/healthz').reply(502, 'Bad gateway');
    const view = await settings(server);
    expect(view.checks.filter((c) => c.status === 'fail')).toEqual([
      { check: 'deals properties', status: 'fail', detail: '1 missing (first100_health): run "first100 setup"' },
      { check: 'public URL', status: 'fail', detail: expect.stringMatching(/^https:\/\/first100\.example\.com\/healthz answers 502/) },
    ]);
    // The won and lost stages of the renewals pipeline left out of the playbook are flagged; the undecided "On hold" is not.
    expect(view.stageMapping.find((p) => p.pipelineId === '987654')!.stages.map((s) => [s.label, s.kind, s.target, s.flagged])).toEqual([
      ['Renewal due', 'open', 'activate', false],
      ['Renewed', 'won', null, true],
      ['On hold', 'closed', null, false],
      ['Churned', 'lost', null, true],
    ]);
  });
});

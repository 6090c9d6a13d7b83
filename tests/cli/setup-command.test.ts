import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSetup } from '../../src/cli/setup-command.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { first100Properties } from '../../src/hubspot/first100-properties.js';
import { createHubSpotAdapter } from '../../src/hubspot/create-hubspot-adapter.js';
import { fakePortal, PORTAL_PIPELINES, type PortalState } from '../support/fake-portal.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';

const hubspot = () => createHubSpotAdapter({ accessToken: 'pat-test', apiBaseUrl: 'https://api.hubapi.com', callsPer10s: 250, retry: { attempts: 2, serverErrorDelayMs: 1, rateLimitDelayMs: 1 } });
const prop = (name: string, type = 'enumeration') => ({ name, type, fieldType: 'select', groupName: 'first100' });
const ALL_DEALS = first100Properties('en').deals.map((p) => p.name);

/** A portal where an earlier, interrupted setup created a few properties. */
function halfSetUpPortal(): PortalState {
  return {
    groups: { deals: ['dealinformation'], companies: ['companyinformation', 'first100'] },
    properties: {
      deals: [{ name: 'dealname', type: 'string', fieldType: 'text', groupName: 'dealinformation' }, prop('first100_phase'), prop('first100_health')],
      companies: [{ name: 'name', type: 'string', fieldType: 'text', groupName: 'companyinformation' }, prop('first100_phase'), prop('first100_health')],
    },
    pipelines: PORTAL_PIPELINES,
    tokenInfo: { hubId: 4242, scopes: [] },
  };
}

let dirs: string[] = [];
let stops: (() => void)[] = [];
beforeAll(() => nock.disableNetConnect());
afterEach(async () => {
  for (const stop of stops) stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  stops = [];
  dirs = [];
});

async function setUp() {
  const dir = await mkdtemp(join(tmpdir(), 'first100-setup-'));
  dirs.push(dir);
  const playbookPath = join(dir, 'playbook.yml');
  await copyFile(SMALL_PLAYBOOK_PATH, playbookPath);
  const portal = fakePortal(halfSetUpPortal());
  stops.push(() => portal.stop());
  const lines: string[] = [];
  return { portal, playbookPath, lines, print: (l: string) => lines.push(l) };
}

describe('first100 setup', () => {
  it('creates exactly the missing group and properties, and maps the unmapped stages into the playbook', async () => {
    const { portal, playbookPath, lines, print } = await setUp();
    const result = await runSetup(hubspot(), { dryRun: false, playbookPath }, print);

    expect(portal.writes().map((w) => w.path)).toEqual([
      '/crm/v3/properties/deals/groups',
      '/crm/v3/properties/deals/batch/create',
      '/crm/v3/properties/companies/batch/create',
    ]);
    const [group, deals, companies] = portal.writes();
    expect(group!.body).toEqual({ name: 'first100', label: 'first100 onboarding', displayOrder: -1 });
    expect(deals!.body.inputs.map((p: any) => p.name)).toEqual(ALL_DEALS.filter((n) => n !== 'first100_phase' && n !== 'first100_health'));
    expect(companies!.body.inputs.map((p: any) => p.name)).toEqual(['first100_segment']);
    expect(deals!.body.inputs.find((p: any) => p.name === 'first100_pm_owner')).toMatchObject({ type: 'enumeration', externalOptions: true, referencedObjectType: 'OWNER', groupName: 'first100' });
    expect(deals!.body.inputs.find((p: any) => p.name === 'first100_handoff_status').options.map((o: any) => o.value)).toEqual(['not_started', 'draft', 'submitted', 'changes_requested', 'accepted']);
    expect(companies!.body.inputs[0].options.map((o: any) => o.value)).toEqual(['loyal', 'occasional', 'at_risk']);
    expect(result.created.deals).toHaveLength(ALL_DEALS.length - 2);
    expect(lines).toContain(`deals: 2 of ${ALL_DEALS.length} first100 properties exist; create ${ALL_DEALS.length - 2}:`);

    const text = await readFile(playbookPath, 'utf8');
    const playbook = parsePlaybook(text, playbookPath);
    expect(playbook.pipelines).toEqual({
      default: { qualifiedtobuy: 'assess', contractsent: 'assess', closedwon: 'admit', closedlost: 'lost', appointmentscheduled: 'assess' },
      '987654': { '111': 'activate', '112': 'admit', '114': 'lost' },
    });
    expect(text).toContain('appointmentscheduled: assess # Appointment Scheduled: added by first100 setup, review');
    expect(text).toContain('dueTime: "09:00"'); // the rest of the file is as it was
    expect(lines).toContain('  ? Renewals / On hold (113) is closed but neither won nor lost by its probability: map it by hand');
  });

  it('a second run writes nothing', async () => {
    const { portal, playbookPath, lines, print } = await setUp();
    await runSetup(hubspot(), { dryRun: false, playbookPath }, () => {});
    const writes = portal.writes().length;
    const text = await readFile(playbookPath, 'utf8');

    const again = await runSetup(hubspot(), { dryRun: false, playbookPath }, print);
    expect(portal.writes()).toHaveLength(writes);
    expect(await readFile(playbookPath, 'utf8')).toBe(text);
    expect(again).toEqual({ created: { deals: [], companies: [] }, stagesAdded: 0 });
    expect(lines).toContain(`deals: all ${ALL_DEALS.length} first100 properties exist`);
    expect(lines).toContain('playbook: nothing to add; 1 stage(s) to map by hand, above');
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const { portal, playbookPath, lines, print } = await setUp();
    const before = await readFile(playbookPath, 'utf8');
    await runSetup(hubspot(), { dryRun: true, playbookPath }, print);
    expect(portal.writes()).toEqual([]);
    expect(await readFile(playbookPath, 'utf8')).toBe(before);
    expect(lines).toContain('deals: would create property group "first100"');
    expect(lines).toContain('  + first100_pm_owner (enumeration)');
    expect(lines).toContain('  + Renewals / Renewed (112) → admit');
    expect(lines).toContain(`would add 3 stage mappings to ${playbookPath}: review them before going live`);
  });
});

import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSetup, type SetupOptions } from '../../src/cli/setup-command.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { first100Properties } from '../../src/hubspot/first100-properties.js';
import { createHubSpotAdapter } from '../../src/hubspot/create-hubspot-adapter.js';
import { fakePortal, PORTAL_PIPELINES, type PortalState } from '../support/fake-portal.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';

const hubspot = () => createHubSpotAdapter({ accessToken: 'pat-test', apiBaseUrl: 'https://api.hubapi.com', callsPer10s: 250, retry: { attempts: 2, serverErrorDelayMs: 1, rateLimitDelayMs: 1 } });
const prop = (name: string, type = 'enumeration') => ({ name, type, fieldType: 'select', groupName: 'first100' });
const ALL_DEALS = first100Properties('en').deals.map((p) => p.name);
const NOW = Date.parse('2026-12-04T14:00:00Z');

/** An account where an earlier, interrupted setup created a few properties. */
function halfSetUpPortal(extra: Partial<PortalState> = {}): PortalState {
  return {
    groups: { deals: ['dealinformation'], companies: ['companyinformation', 'first100'] },
    properties: {
      deals: [{ name: 'dealname', type: 'string', fieldType: 'text', groupName: 'dealinformation' }, prop('first100_phase'), prop('first100_health')],
      companies: [{ name: 'name', type: 'string', fieldType: 'text', groupName: 'companyinformation' }, prop('first100_phase'), prop('first100_health')],
    },
    pipelines: PORTAL_PIPELINES,
    tokenInfo: { hubId: 4242, scopes: [] },
    ...extra,
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

async function setUp(extra: Partial<PortalState> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'first100-setup-'));
  dirs.push(dir);
  const playbookPath = join(dir, 'playbook.yml');
  await copyFile(SMALL_PLAYBOOK_PATH, playbookPath);
  const portal = fakePortal(halfSetUpPortal(extra));
  stops.push(() => portal.stop());
  const lines: string[] = [];
  const setup = (o: Partial<SetupOptions> = {}) => runSetup(hubspot(), { dryRun: false, playbookPath, portalId: '4242', now: NOW, ...o }, (l) => lines.push(l));
  return { portal, playbookPath, lines, setup };
}

/** The lines of `after` that are not in `before`, checking that nothing of `before` changed or moved. */
function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < old.length && line === old[i]) i++;
    else added.push(line);
  }
  expect(i, 'every line of the playbook is still there, in order').toBe(old.length);
  return added;
}

describe('first100 setup: properties', () => {
  it('creates the missing group and properties first time, against a double that refuses what HubSpot refuses', async () => {
    const { portal, lines, setup } = await setUp();
    const result = await setup();

    expect(portal.writes().map((w) => w.path)).toEqual([
      '/crm/v3/properties/deals/groups',
      '/crm/v3/properties/deals/batch/create',
      '/crm/v3/properties/companies/batch/create',
    ]);
    const [group, deals, companies] = portal.writes();
    expect(group!.body).toEqual({ name: 'first100', label: 'first100 onboarding', displayOrder: -1 });
    expect(deals!.body.inputs.map((p: any) => p.name)).toEqual(ALL_DEALS.filter((n) => n !== 'first100_phase' && n !== 'first100_health'));
    expect(companies!.body.inputs.map((p: any) => p.name)).toEqual(['first100_segment']);
    // An owner ("HubSpot user") property: an enumeration, so HubSpot requires options, empty; the users come from OWNER.
    expect(deals!.body.inputs.find((p: any) => p.name === 'first100_pm_owner')).toEqual(
      expect.objectContaining({ type: 'enumeration', fieldType: 'select', options: [], externalOptions: true, referencedObjectType: 'OWNER', groupName: 'first100' }),
    );
    expect(deals!.body.inputs.find((p: any) => p.name === 'first100_handoff_status').options.map((o: any) => o.value)).toEqual(['not_started', 'draft', 'submitted', 'changes_requested', 'accepted']);
    expect(result).toMatchObject({ refused: [], created: { deals: ALL_DEALS.filter((n) => n !== 'first100_phase' && n !== 'first100_health'), companies: ['first100_segment'] } });
    expect(portal.state.properties.deals.map((p) => p.name)).toEqual(expect.arrayContaining(ALL_DEALS));
    expect(lines).toContain(`deals: 2 of ${ALL_DEALS.length} first100 properties exist; create ${ALL_DEALS.length - 2}:`);
    expect(lines).toContain(`deals: created ${ALL_DEALS.length - 2} of ${ALL_DEALS.length - 2} properties`);
    expect(lines).toContain('  + first100_pm_owner (HubSpot user)');
  });

  for (const batchRefusal of ['whole', 'per-input'] as const) {
    it(`names a property HubSpot refuses (${batchRefusal === 'whole' ? 'a 400 for the whole batch' : 'a 207 per input'}) with its message and how to create it by hand; the others are created`, async () => {
      const archived = 'Property first100_day_zero was archived: restore it or choose another name';
      const { portal, lines, setup } = await setUp({ batchRefusal, refuse: { first100_day_zero: archived } });
      const result = await setup();

      expect(result.refused).toEqual([{ objectType: 'deals', name: 'first100_day_zero', message: archived }]);
      expect(result.created.deals).not.toContain('first100_day_zero');
      expect(result.created.deals).toHaveLength(ALL_DEALS.length - 3);
      expect(portal.state.properties.deals.map((p) => p.name)).toEqual(expect.arrayContaining(ALL_DEALS.filter((n) => n !== 'first100_day_zero')));
      expect(lines).toContain(`deals: created ${ALL_DEALS.length - 3} of ${ALL_DEALS.length - 2} properties`);
      expect(lines).toContain(
        `  ✗ first100_day_zero: HubSpot refused it: ${archived}. To go on, create it by hand: Settings → Properties → Deal properties → Create property, ` +
          'group "first100 onboarding", label "Onboarding day zero", internal name first100_day_zero (the </> button next to the label), field type "Date picker"; ' +
          'then run first100 setup again, which creates only what is missing',
      );
      expect(lines.at(-1)).toBe('1 property not created: see ✗ above.');
    });
  }

  it('on an account set up before the scales were kept apart, creates only the last NPS, CSAT and CES with their dates', async () => {
    const scales = ['first100_last_nps', 'first100_last_nps_at', 'first100_last_csat', 'first100_last_csat_at', 'first100_last_ces', 'first100_last_ces_at'];
    const before = first100Properties('en');
    const existing = (list: typeof before.deals) => list.filter((p) => !scales.includes(p.name)).map((p) => ({ name: p.name, type: p.type, fieldType: p.fieldType, groupName: 'first100' }));
    const { portal, lines, setup } = await setUp({
      groups: { deals: ['dealinformation', 'first100'], companies: ['companyinformation', 'first100'] },
      properties: { deals: existing(before.deals), companies: existing(before.companies) },
    });
    const result = await setup();

    expect(portal.writes().map((w) => w.path)).toEqual(['/crm/v3/properties/deals/batch/create']);
    const created = portal.writes()[0]!.body.inputs;
    expect(created.map((p: any) => [p.name, p.type])).toEqual([
      ['first100_last_nps', 'number'], ['first100_last_nps_at', 'datetime'],
      ['first100_last_csat', 'number'], ['first100_last_csat_at', 'datetime'],
      ['first100_last_ces', 'number'], ['first100_last_ces_at', 'datetime'],
    ]);
    expect(created.find((p: any) => p.name === 'first100_last_ces').label).toBe('Last CES 1–7 (1 = least effort)');
    expect(result).toMatchObject({ refused: [], created: { deals: scales, companies: [] } });
    expect(lines).toContain(`companies: all ${before.companies.length} first100 properties exist`);
  });

  it('stops before writing anything when the token belongs to another account', async () => {
    const { portal, setup } = await setUp({ tokenInfo: { hubId: 999, scopes: [] } });
    await expect(setup()).rejects.toThrow('the token belongs to HubSpot account 999, but HUBSPOT_PORTAL_ID is 4242');
    expect(portal.writes()).toEqual([]);
  });
});

describe('first100 setup: pipelines', () => {
  it('maps only the pipeline picked with --pipeline, prints the plan of each new mapping, and adds lines only', async () => {
    const { playbookPath, lines, setup } = await setUp();
    const before = await readFile(playbookPath, 'utf8');
    const result = await setup({ pipelines: ['Sales Pipeline'] });

    const after = await readFile(playbookPath, 'utf8');
    expect(addedLines(before, after)).toEqual(['    appointmentscheduled: assess # Appointment Scheduled: added by first100 setup, review']);
    expect(parsePlaybook(after, playbookPath).pipelines['987654']).toEqual({ '111': 'activate' });
    expect(result.stagesAdded).toBe(1);
    const plan = lines.slice(lines.indexOf('  + Sales Pipeline / Appointment Scheduled (appointmentscheduled) → assess'));
    expect(plan[1]).toBe('      not in onboarding → assess (Assess)');
    expect(plan[2]).toMatch(/^ {8}task {3}Mon 07 Dec 2026 09:00 {2}Capture what Sample client wants {2}→ owner OWNER \(deal_owner\)/);
    expect(lines).toContain(`add 1 stage mappings to ${playbookPath}: review them before going live`);
  });

  it('asks which pipelines, and maps a second pipeline\'s won stage to admit only after a yes', async () => {
    const { playbookPath, lines, setup } = await setUp();
    const before = await readFile(playbookPath, 'utf8');
    const asked: string[] = [];
    const answering = (answers: string[]) => async (q: string) => (asked.push(q), answers.shift()!);

    await setup({ ask: answering(['2', 'n']) });
    expect(asked[0]).toBe("Which pipelines' deals start onboarding? Numbers separated by commas [1,2]: ");
    expect(asked[1]).toMatch(/^"Renewals" has the won stage "Renewed", and another pipeline already starts onboarding\. Is "Renewals" a sales pipeline/);
    expect(await readFile(playbookPath, 'utf8')).toBe(before);
    expect(lines).toContain('  Renewals (987654): left unmapped. Map its stages by hand in ' + playbookPath + ' to the phases they mean (e.g. a kickoff stage: activate, a delivery stage: accomplish); a stage left unmapped changes nothing');

    await setup({ ask: answering(['2', 'y']) });
    const after = await readFile(playbookPath, 'utf8');
    expect(addedLines(before, after)).toEqual([
      '    "112": admit # Renewed (closed): added by first100 setup, review',
      '    "114": lost # Churned (closed): added by first100 setup, review',
    ]);
    expect(lines).toContain(`  ? Renewals / On hold (113) is closed but neither won nor lost by its probability: map it by hand in ${playbookPath}`);
  });

  it('without a terminal and without --pipeline, keeps to the pipelines the playbook maps and leaves a second won stage alone', async () => {
    const { playbookPath, lines, setup } = await setUp();
    const before = await readFile(playbookPath, 'utf8');
    await setup();
    expect(addedLines(before, await readFile(playbookPath, 'utf8'))).toEqual(['    appointmentscheduled: assess # Appointment Scheduled: added by first100 setup, review']);
    expect(lines).toContain('pipelines: not asked (no terminal): only the pipelines the playbook maps already get their new stages (Sales Pipeline, Renewals)');
    expect(lines).toContain('  Renewals: its won stage "Renewed" would start onboarding a second time for deals already onboarded; not asked (no terminal), so not mapped');
  });

  it('adds a pipeline the playbook does not have yet as a block of its own', async () => {
    const { playbookPath, setup } = await setUp({ pipelines: [...PORTAL_PIPELINES, { id: '555', label: 'Partners', stages: [{ id: '556', label: 'Signed', metadata: { isClosed: 'true', probability: '1.0' } }] }] });
    const before = await readFile(playbookPath, 'utf8');
    await setup({ pipelines: ['555'], ask: async () => 'y' });
    expect(addedLines(before, await readFile(playbookPath, 'utf8'))).toEqual(['  # Partners (added by first100 setup: review)', '  "555":', '    "556": admit # Signed (closed): added by first100 setup, review']);
  });

  it('refuses a --pipeline the account does not have, naming the ones it has', async () => {
    const { portal, setup } = await setUp();
    await expect(setup({ pipelines: ['Delivery'] })).rejects.toThrow('--pipeline "Delivery" is not a deal pipeline of this account; it has Sales Pipeline (default), Renewals (987654)');
    expect(portal.writes().filter((w) => w.path.includes('/batch/create'))).toHaveLength(2); // the properties were done first
  });

  it('adds behind and stuck to a first100_health created before them, keeping its options, once', async () => {
    const option = (value: string, displayOrder: number) => ({ label: value, value, displayOrder, hidden: false });
    const before = [option('on_track', 0), option('needs_attention', 1), option('at_risk', 2), option('silent', 3)];
    const portal = halfSetUpPortal();
    const { portal: fake, lines, setup } = await setUp({
      properties: { ...portal.properties, deals: portal.properties.deals.map((p) => (p.name === 'first100_health' ? { ...p, options: before } : p)) },
    });
    await setup();
    const patches = fake.writes().filter((w) => w.method === 'PATCH');
    expect(patches).toEqual([{
      method: 'PATCH',
      path: '/crm/v3/properties/deals/first100_health',
      body: { options: [...before, { label: 'Behind', value: 'behind', displayOrder: 4, hidden: false }, { label: 'Stuck', value: 'stuck', displayOrder: 5, hidden: false }] },
    }]);
    expect(lines).toContain('deals: adding to first100_health the options behind, stuck');
    await setup();
    expect(fake.writes().filter((w) => w.method === 'PATCH')).toHaveLength(1);
  });

  it('a second run writes nothing', async () => {
    const { portal, playbookPath, lines, setup } = await setUp();
    await setup({ pipelines: ['default'] });
    const writes = portal.writes().length;
    const text = await readFile(playbookPath, 'utf8');

    const again = await setup({ pipelines: ['default'] });
    expect(portal.writes()).toHaveLength(writes);
    expect(await readFile(playbookPath, 'utf8')).toBe(text);
    expect(again).toEqual({ created: { deals: [], companies: [] }, refused: [], stagesAdded: 0 });
    expect(lines).toContain(`deals: all ${ALL_DEALS.length} first100 properties exist`);
    expect(lines).toContain('  Sales Pipeline (default): every stage is mapped already');
    expect(lines.at(-1)).toBe('playbook: nothing to add');
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const { portal, playbookPath, lines, setup } = await setUp();
    const before = await readFile(playbookPath, 'utf8');
    await setup({ dryRun: true, pipelines: ['default', '987654'], ask: async () => 'y' });
    expect(portal.writes()).toEqual([]);
    expect(await readFile(playbookPath, 'utf8')).toBe(before);
    expect(lines).toContain('deals: would create property group "first100"');
    expect(lines).toContain('  + Renewals / Renewed (112) → admit');
    expect(lines).toContain(`would add 3 stage mappings to ${playbookPath}: review them before going live`);
  });
});

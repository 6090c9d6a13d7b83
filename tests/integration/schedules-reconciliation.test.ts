import nock from 'nock';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { runTick } from '../../src/jobs/schedules/scheduled-job.js';
import { readCursor } from '../../src/store/schedule-store.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeDeal, type RecordedRequest } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { SCHEDULES_PLAYBOOK_PATH } from '../support/playbook.js';
import { startServer } from '../support/start-server.js';

const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const iso = (ms: number) => new Date(ms).toISOString();
const t0 = at('2026-12-04T15:00');
const minutes = (n: number) => t0 + n * 60_000;
const PROPERTIES = [
  'dealstage',
  'pipeline',
  'hs_lastmodifieddate',
  'hs_v2_date_entered_111',
  'hs_v2_date_entered_closedlost',
  'hs_v2_date_entered_closedwon',
  'hs_v2_date_entered_contractsent',
  'hs_v2_date_entered_qualifiedtobuy',
];

const onCleanUp = isolateNetwork();

const deal = (stage: string, enteredAt: number, modifiedAt: number): FakeDeal => ({
  properties: {
    dealname: 'Deal',
    pipeline: 'default',
    dealstage: stage,
    hubspot_owner_id: '100',
    first100_pm_owner: '200',
    closedate: null,
    hs_lastmodifieddate: iso(modifiedAt),
    [`hs_v2_date_entered_${stage}`]: iso(enteredAt),
  },
});

/**
 * HubSpot's deal search at the network: filters on hs_lastmodifieddate GTE, sorts ascending, and pages two
 * deals at a time (whatever the limit asked) so that paging happens.
 */
function fakeDealSearch(deals: Record<string, FakeDeal>) {
  const requests: RecordedRequest[] = [];
  const scope = nock('https://api.hubapi.com')
    .persist()
    .post('/crm/v3/objects/deals/search')
    .reply((_uri, body: any) => {
      requests.push({ method: 'POST', path: '/crm/v3/objects/deals/search', body });
      const since = Number(body.filterGroups[0].filters[0].value);
      const matching = Object.entries(deals)
        .map(([id, d]) => ({ id, properties: Object.fromEntries(body.properties.map((p: string) => [p, d.properties[p] ?? null])) }))
        .filter((d) => Date.parse(d.properties.hs_lastmodifieddate) >= since)
        .sort((a, b) => Date.parse(a.properties.hs_lastmodifieddate) - Date.parse(b.properties.hs_lastmodifieddate));
      const offset = Number(body.after ?? 0);
      const next = offset + 2 < matching.length ? { next: { after: String(offset + 2) } } : undefined;
      return [200, { total: matching.length, results: matching.slice(offset, offset + 2), ...(next ? { paging: next } : {}) }];
    });
  return { requests, stop: () => scope.persist(false) };
}

async function setUp() {
  const deals: Record<string, FakeDeal> = {
    '42': deal('closedwon', minutes(0), minutes(5.5)), // won; its webhook arrived
    '43': deal('closedwon', minutes(6), minutes(6)), // won; its webhook never arrived
    '44': deal('contractsent', minutes(-1440), minutes(7)), // an open deal edited, its stage unchanged
  };
  const hubspot = fakeHubSpot({ deals });
  const search = fakeDealSearch(deals);
  const clock = { now: minutes(1) };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: SCHEDULES_PLAYBOOK_PATH } });
  onCleanUp(async () => {
    await server.cleanUp();
    search.stop();
    hubspot.stop();
  });
  await deliver(server.url, [stageEvent('44', 'contractsent', minutes(-1440)), stageEvent('42', 'closedwon', minutes(0))], clock.now);
  await server.worker.drain();
  hubspot.requests.splice(0);
  hubspot.tasks.splice(0);
  const tick = async (minute: number) => {
    clock.now = minutes(minute);
    expect(await runTick(server.engine, server.jobs['reconciliation-sweep'], clock.now)).toBe('ran');
    await server.worker.drain();
  };
  const stageChanges = () =>
    server.db.query<{ deal_id: string; stage_id: string; occurred_at: string; event_id: string; outcome: string }>(
      'SELECT deal_id, stage_id, occurred_at::text, event_id, outcome FROM stage_changes ORDER BY id',
    );
  return { deals, hubspot, search, server, clock, tick, stageChanges };
}

describe('the reconciliation sweep', () => {
  it('replays once a stage change the webhooks missed, leaves deals already up to date alone, and pages oldest first', async () => {
    const { hubspot, search, server, tick, stageChanges } = await setUp();

    await tick(10); // the first run searches from the moment first100 started watching (the server's first start), not before
    const query = (after?: string) => ({
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(minutes(1)) }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: PROPERTIES,
      limit: 100,
      ...(after ? { after } : {}),
    });
    expect(search.requests.map((r) => r.body)).toEqual([query(), query('2')]);
    expect((await stageChanges()).slice(2)).toEqual([
      { deal_id: '43', stage_id: 'closedwon', occurred_at: String(minutes(6)), event_id: 'reconciliation', outcome: 'entered admit with 4 steps' },
    ]);
    // Deal 43 went through the webhook's path: read, tasks, properties.
    expect(hubspot.tasks.map((t) => t.associations[0].to.id)).toEqual(['43', '43']);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update')[0]!.body.inputs).toEqual([
      { id: '43', properties: expect.objectContaining({ first100_phase: 'admit', first100_phase_entered_at: iso(minutes(6)) }) },
    ]);

    await tick(20); // nothing new: nothing replayed again
    expect(await stageChanges()).toHaveLength(3);
    expect(hubspot.tasks).toHaveLength(2);

    // The late webhook of the same change (HubSpot's timestamp a few ms off) is stored but changes nothing.
    await deliver(server.url, [stageEvent('43', 'closedwon', minutes(6) + 3)], minutes(21));
    await server.worker.drain();
    expect((await stageChanges())[3]).toMatchObject({ deal_id: '43', outcome: 'ignored: already in admit' });
    expect(hubspot.tasks).toHaveLength(2);
  });

  it('moves its cursor to the newest modification seen, only forward, and searches from there on the next tick', async () => {
    const { deals, search, server, tick } = await setUp();
    await tick(10);
    expect(await readCursor(server.db, 'reconciliation-sweep')).toBe(minutes(7)); // deal 44's edit, the newest seen

    deals['44'] = deal('closedwon', minutes(30), minutes(30)); // won later, webhook missed too
    search.requests.splice(0);
    await tick(40);
    expect(search.requests.map((r) => r.body.filterGroups[0].filters[0].value)).toEqual([String(minutes(2)), String(minutes(2))]);
    expect(await readCursor(server.db, 'reconciliation-sweep')).toBe(minutes(30));

    search.requests.splice(0);
    await tick(50);
    expect(search.requests.map((r) => r.body.filterGroups[0].filters[0].value)).toEqual([String(minutes(25))]);
    const replayed = await server.db.query<{ deal_id: string }>(`SELECT deal_id FROM stage_changes WHERE event_id = 'reconciliation' ORDER BY id`);
    expect(replayed.map((r) => r.deal_id)).toEqual(['43', '44']);
  });

  it('keeps its cursor when the search fails, so the next tick covers the same stretch', async () => {
    const { search, server, clock } = await setUp();
    await runTick(server.engine, server.jobs['reconciliation-sweep'], minutes(10));
    search.stop();
    nock.cleanAll();
    nock('https://api.hubapi.com').post('/crm/v3/objects/deals/search').times(3).reply(503, { message: 'unavailable' });
    clock.now = minutes(20);
    expect(await runTick(server.engine, server.jobs['reconciliation-sweep'], minutes(20))).toBe('failed');
    expect(await readCursor(server.db, 'reconciliation-sweep')).toBe(minutes(7));
  });

  it('onboards none of a portal\'s deals whose stage entry HubSpot cannot date after first100 started watching, however recently they were edited', async () => {
    const imported: Record<string, FakeDeal> = {};
    for (let n = 0; n < 30; n++) {
      // Imported won deals: no hs_v2_date_entered_closedwon at all, or an entry from before first100 watched; all edited now.
      const d = deal('closedwon', minutes(-30 * 1440), minutes(3 + n / 10));
      if (n % 2 === 0) delete d.properties.hs_v2_date_entered_closedwon;
      imported[String(100 + n)] = d;
    }
    imported['200'] = deal('closedwon', minutes(4), minutes(4)); // won under watch, webhook missed: the one to replay
    const hubspot = fakeHubSpot({ deals: imported });
    const search = fakeDealSearch(imported);
    const clock = { now: minutes(1) };
    const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: SCHEDULES_PLAYBOOK_PATH } });
    onCleanUp(async () => {
      await server.cleanUp();
      search.stop();
      hubspot.stop();
    });
    for (const minute of [10, 20]) {
      clock.now = minutes(minute);
      expect(await runTick(server.engine, server.jobs['reconciliation-sweep'], clock.now)).toBe('ran');
      await server.worker.drain();
    }

    expect(search.requests[0]!.body.filterGroups[0].filters[0].value).toBe(String(minutes(1))); // never before first100 started
    const replayed = await server.db.query<{ deal_id: string }>('SELECT deal_id FROM stage_changes ORDER BY id');
    expect(replayed.map((r) => r.deal_id)).toEqual(['200']);
    expect(new Set(hubspot.tasks.map((t) => t.associations[0].to.id))).toEqual(new Set(['200']));
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update').flatMap((r) => r.body.inputs.map((i: any) => i.id))).toEqual(['200']);
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createHubSpotDouble, type Fault } from '../support/hubspot-double.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { expectEachTaskOnce } from '../support/fault-rig.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

// HubSpot misbehaving in every way it can answer, or not answer: the work is done, once, when it recovers.
const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const deals = ['71001', '71002', '71003', '71004'];
const onCleanUp = isolateNetwork();

const tenSecondly429: Fault = {
  kind: 'fail',
  status: 429,
  body: { status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.' },
};
const daily429: Fault = { kind: 'fail', status: 429, body: { status: 'error', errorType: 'RATE_LIMIT', policyName: 'DAILY', message: 'You have reached your daily limit.' } };
const serverError = (status: number): Fault => ({ kind: 'fail', status, body: { status: 'error', message: 'internal error', correlationId: `c-${status}` } });

type Double = ReturnType<typeof createHubSpotDouble>;

/** A server on the embedded database, HubSpot's double with `faults` armed, and four deals won in one delivery. */
async function setUpWith(faults: (double: Double) => void) {
  const double = createHubSpotDouble();
  faults(double);
  const api = await double.start();
  const clock = { now: wonAt + 5000 };
  // Three attempts per call with no real waiting; a call unanswered after 300 ms counts as hung.
  const server = await startServer({ clock: () => clock.now, hubspotTimeoutMs: 300, env: { HUBSPOT_API_BASE_URL: api } });
  onCleanUp(async () => {
    await server.cleanUp();
    await double.stop();
  });
  const delivered = await deliver(server.url, deals.map((id, i) => stageEvent(id, 'closedwon', wonAt + i)), clock.now);
  expect(delivered.status).toBe(200);
  const unfinished = async () =>
    (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM steps WHERE kind IN ('task', 'deal-update') AND status <> 'done'`))[0]!.n +
    (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stage_changes WHERE status <> 'done'`))[0]!.n;
  /** Runs the worker as time goes by, a minute at a time, until nothing is left to do (or `minutes` have passed). */
  const runFor = async (minutes: number) => {
    for (let i = 0; i < minutes && (i === 0 || (await unfinished()) > 0); i++) {
      await server.worker.drain();
      clock.now += 60_000;
    }
  };
  return { double, server, clock, runFor, unfinished };
}

const statuses = (double: Double) => double.calls.map((c) => c.status);

describe('HubSpot failing, then recovering', () => {
  it('a burst of 10-second 429s on reads and creates: every task once, nothing given up', async () => {
    const { double, runFor, unfinished } = await setUpWith((d) => {
      d.inject('/crm/v3/objects/deals/batch/read', tenSecondly429, 7);
      d.inject('/crm/v3/objects/tasks/batch/create', tenSecondly429, 7);
      d.inject('/crm/v3/objects/deals/batch/update', tenSecondly429, 4);
    });
    await runFor(30);
    expect(statuses(double).filter((s) => s === 429)).toHaveLength(18);
    expect(await unfinished()).toBe(0);
    expectEachTaskOnce(double, deals);
    expect(double.dealUpdates.size).toBe(deals.length);
  }, 120_000);

  it('500, 502, 503 and 504 answers on every kind of call: every task once', async () => {
    const { double, runFor, unfinished } = await setUpWith((d) => {
      for (const [path, status] of [
        ['/crm/v3/objects/deals/batch/read', 502],
        ['/crm/v4/associations/deals/contacts/batch/read', 503],
        ['/crm/v3/objects/tasks/batch/create', 500],
        ['/crm/v3/objects/deals/batch/update', 504],
      ] as const) {
        d.inject(path, serverError(status), 5);
      }
    });
    await runFor(30);
    expect(statuses(double).filter((s) => s >= 500)).toHaveLength(20);
    expect(await unfinished()).toBe(0);
    expectEachTaskOnce(double, deals);
  }, 120_000);

  it('hung calls time out; a hung create is checked in HubSpot before it is sent again', async () => {
    const { double, runFor, unfinished } = await setUpWith((d) => {
      d.inject('/crm/v3/objects/deals/batch/read', { kind: 'hang' }, 2);
      d.inject('/crm/v3/objects/tasks/batch/create', { kind: 'hang' });
    });
    await runFor(10);
    expect(double.hung).toHaveLength(3);
    expect(await unfinished()).toBe(0);
    expectEachTaskOnce(double, deals);
    // Nothing was applied by the hung create, so the lookups find nothing and one more create makes the tasks.
    expect(double.calls.filter((c) => c.path === '/crm/v3/objects/tasks/search').length).toBe(deals.length);
    expect(double.calls.filter((c) => c.path === '/crm/v3/objects/tasks/batch/create')).toHaveLength(2);
  });

  it('a DAILY 429 defers the work to the account\'s midnight, then does it once', async () => {
    const { double, server, clock, unfinished } = await setUpWith((d) => d.inject('/crm/v3/objects/tasks/batch/create', daily429));
    await server.worker.drain();
    expect(double.calls.filter((c) => c.path === '/crm/v3/objects/tasks/batch/create')).toHaveLength(1); // no retry today
    const midnight = DateTime.fromMillis(clock.now, { zone: 'Europe/Rome' }).plus({ days: 1 }).startOf('day').toMillis();
    const runAts = await server.db.query<{ run_at: string }>(`SELECT DISTINCT run_at FROM steps WHERE kind = 'task'`);
    expect(runAts.map((r) => Number(r.run_at))).toEqual([midnight + 60_000]);

    clock.now = midnight - 60_000;
    await server.worker.drain();
    expect(double.tasks).toHaveLength(0);
    clock.now = midnight + 60_000;
    await server.worker.drain();
    expect(await unfinished()).toBe(0);
    expectEachTaskOnce(double, deals);
  });
});

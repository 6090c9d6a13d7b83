import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { runTick } from '../../src/jobs/schedules/scheduled-job.js';
import { readDealHealth } from '../../src/store/deal-health-store.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';
import { postAnswer, surveyToken } from '../support/survey.js';

const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const PLAYBOOK = new URL('../fixtures/playbook.health.yml', import.meta.url).pathname;
const DEALS = '/crm/v3/objects/deals/batch/update';
const TASK_READS = '/crm/v3/objects/tasks/batch/read';
const onCleanUp = isolateNetwork();

/** Deal 42 won on Monday 11 January 2027 at 10:00 in Rome: activate (5 business days expected), then acclimate (10). */
async function wonDeal() {
  const acme: FakeDeal = {
    properties: { dealname: 'Acme rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
    companyId: '7',
    contactIds: ['9'],
  };
  const hubspot = fakeHubSpot({ deals: { '42': acme }, companies: { '7': 'Acme' } });
  const clock = { now: at('2027-01-11T10:00') };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  expect((await deliver(server.url, [stageEvent('42', 'closedwon', clock.now)], clock.now)).status).toBe(200);
  await server.worker.drain();
  /** The deal properties HubSpot received since the last look, one entry per batch update. */
  let seen = 0;
  const newUpdates = () => {
    const calls = hubspot.callsTo(DEALS).slice(seen);
    seen += calls.length;
    return calls.map((c) => c.body.inputs.map((i: any) => i.properties));
  };
  async function sweep(local: string) {
    clock.now = at(local);
    expect(await runTick(server.engine, server.jobs['health-sweep'], clock.now)).toBe('ran');
    await server.worker.drain();
  }
  const complete = (subject: string, local: string) => {
    const task = hubspot.tasks.find((t) => t.properties.hs_task_subject === subject)!;
    Object.assign(task.properties, { hs_task_status: 'COMPLETED', hs_task_completion_date: new Date(at(local)).toISOString() });
  };
  return { hubspot, server, clock, newUpdates, sweep, complete };
}

describe('computed health, end to end', () => {
  it('goes behind, stuck and back on track, each change written to HubSpot once, with its reasons, go-live and slip', async () => {
    const { hubspot, server, clock, newUpdates, sweep, complete } = await wonDeal();

    // On entry: on track; planned go-live 15 business days after day zero (1 February), no slip.
    expect(newUpdates()).toEqual([[{
      first100_phase: 'activate', first100_phase_entered_at: '2027-01-11T09:00:00.000Z', first100_day_zero: '2027-01-11',
      first100_health: 'on_track', first100_projected_go_live: '2027-02-01', first100_slip_business_days: '0',
    }]]);

    // Tuesday 10:00: the kickoff preparation was due at 09:00 and HubSpot says it is still open: 1 of 1 due, behind.
    await sweep('2027-01-12T10:00');
    expect(hubspot.callsTo(TASK_READS).at(-1)!.body).toEqual({ inputs: [{ id: hubspot.tasks[0]!.id }], properties: ['hs_task_status', 'hs_task_completion_date'] });
    expect(newUpdates()).toEqual([[{
      first100_health: 'behind',
      first100_health_reasons: '1 of 1 due tasks still open: "Prepare the kickoff with Acme" (due 2027-01-12)',
    }]]);

    // An hour later nothing has changed: nothing is written.
    await sweep('2027-01-12T11:00');
    expect(newUpdates()).toEqual([]);

    // Both tasks get done, but the kickoff is not held: on Tuesday the 19th the deal has spent 6 business days in a
    // phase expected to take 5. Stuck, and go-live slips by the day over.
    complete('Prepare the kickoff with Acme', '2027-01-12T15:00');
    complete('Send Acme the kickoff agenda', '2027-01-13T12:00');
    await sweep('2027-01-19T10:00');
    expect(newUpdates()).toEqual([[{
      first100_health: 'stuck',
      first100_health_reasons: 'Activate: 6 business days in the phase, 1 over the expected 5',
      first100_projected_go_live: '2027-02-02',
      first100_slip_business_days: '1',
    }]]);
    await sweep('2027-01-19T15:00');
    expect(newUpdates()).toEqual([]);

    // A day later, still stuck: only what moved is written (not the health again).
    await sweep('2027-01-20T10:00');
    expect(newUpdates()).toEqual([[{
      first100_health_reasons: 'Activate: 7 business days in the phase, 2 over the expected 5',
      first100_projected_go_live: '2027-02-03',
      first100_slip_business_days: '2',
    }]]);

    // The kickoff is held and the deal moves to acclimate: back on track, reasons cleared; the slip stays (go-live
    // is still 3 February, 10 business days from today), so it is not written again.
    clock.now = at('2027-01-20T12:00');
    expect((await deliver(server.url, [stageEvent('42', 'kickoffdone', clock.now)], clock.now)).status).toBe(200);
    await server.worker.drain();
    expect(newUpdates()).toEqual([[{
      first100_phase: 'acclimate', first100_phase_entered_at: '2027-01-20T11:00:00.000Z', first100_day_zero: '2027-01-11',
      first100_health: 'on_track', first100_health_reasons: '',
    }]]);
    await sweep('2027-01-21T10:00');
    expect(newUpdates()).toEqual([]);

    // Each value reached HubSpot exactly once.
    const healths = hubspot.callsTo(DEALS).flatMap((c) => c.body.inputs.map((i: any) => i.properties.first100_health)).filter(Boolean);
    expect(healths).toEqual(['on_track', 'behind', 'stuck', 'on_track']);
    const stored = (await readDealHealth(server.db, ['42'])).get('42')!;
    expect(stored).toMatchObject({ health: 'on_track', phase: 'acclimate', plannedGoLive: '2027-02-01', projectedGoLive: '2027-02-03', slipBusinessDays: 2, reasons: [] });
  });

  it('shows the health with its reasons on the deal card', async () => {
    const { server, sweep } = await wonDeal();
    await sweep('2027-01-12T10:00');
    const { dealCardView } = await import('../../src/server/deal-card-view.js');
    const view = await dealCardView(server.engine, '42', 'it');
    expect(view.health).toEqual({ value: 'behind', label: 'In ritardo' });
    expect(view.healthDetail).toEqual({
      reasons: ['1 compiti scaduti su 1 ancora aperti: "Prepare the kickoff with Acme" (scadenza 2027-01-12)'],
      businessDaysInPhase: 1, expectedBusinessDays: 5, plannedGoLive: '2027-02-01', projectedGoLive: '2027-02-01', slipBusinessDays: 0,
    });
  });

  it('leaves a deal as it was when HubSpot cannot say whether its due tasks are done, and judges it at the next sweep', async () => {
    const { hubspot, sweep, newUpdates } = await wonDeal();
    newUpdates();
    hubspot.failAll(503);
    await sweep('2027-01-12T10:00');
    hubspot.failAll();
    expect(newUpdates()).toEqual([]);
    await sweep('2027-01-12T11:00');
    expect(newUpdates()).toEqual([[{ first100_health: 'behind', first100_health_reasons: '1 of 1 due tasks still open: "Prepare the kickoff with Acme" (due 2027-01-12)' }]]);
  });

  it('keeps a stuck deal stuck when a good answer arrives (nothing to write but the answer), and clears everything when the deal is lost', async () => {
    const { hubspot, server, clock, newUpdates, sweep, complete } = await wonDeal();
    complete('Prepare the kickoff with Acme', '2027-01-12T08:00');
    complete('Send Acme the kickoff agenda', '2027-01-13T08:00');
    await sweep('2027-01-19T10:00');
    newUpdates();

    const token = await surveyToken(server, { dealId: '42', survey: 'NPS', phase: 'activate', now: clock.now });
    clock.now = at('2027-01-19T11:00');
    expect((await postAnswer(server.url, token, { score: '10' })).status).toBe(200);
    await server.worker.drain();
    expect(newUpdates()).toEqual([[{
      first100_last_feedback_score: '10', first100_last_feedback_at: '2027-01-19T10:00:00.000Z', first100_last_nps: '10', first100_last_nps_at: '2027-01-19T10:00:00.000Z',
    }]]);

    clock.now = at('2027-01-19T12:00');
    expect((await deliver(server.url, [stageEvent('42', 'closedlost', clock.now)], clock.now)).status).toBe(200);
    await server.worker.drain();
    expect(newUpdates()).toEqual([[{ first100_phase: '', first100_health: '', first100_health_reasons: '', first100_projected_go_live: '', first100_slip_business_days: '' }]]);
    expect((await readDealHealth(server.db, ['42'])).size).toBe(0);
    expect(hubspot.callsTo(DEALS).flatMap((c) => c.body.inputs.map((i: any) => i.properties.first100_health)).filter((h: unknown) => h !== undefined)).toEqual(['on_track', 'stuck', '']);
  });
});

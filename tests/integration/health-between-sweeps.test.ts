import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { runTick } from '../../src/jobs/schedules/scheduled-job.js';
import { issueClientLink } from '../../src/store/client-links.js';
import { formTokenOf, postForm } from '../support/client-page.js';
import { deliver, stageEvent, webhookFixture } from '../support/deliveries.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const DEALS = '/crm/v3/objects/deals/batch/update';
const TASK_READS = '/crm/v3/objects/tasks/batch/read';
const HEALTH = ['first100_health', 'first100_health_reasons', 'first100_projected_go_live', 'first100_slip_business_days'];
const onCleanUp = isolateNetwork();

/** HubSpot's event for a task marked completed in the CRM: the fixture's, for this task and moment. */
function taskCompleted(taskId: string, occurredAt: number, eventId = 77) {
  return { ...JSON.parse(webhookFixture('object-propertychange.task-completed.json'))[0], objectId: Number(taskId), occurredAt, eventId };
}

/** Deal 42 won on Monday 11 January 2027 at 10:00 in Rome, with the playbook given. */
async function wonDeal(playbook: string, before: (hubspot: ReturnType<typeof fakeHubSpot>) => void = () => {}) {
  const acme: FakeDeal = {
    properties: { dealname: 'Acme rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
    companyId: '7',
    contactIds: ['9'],
  };
  const hubspot = fakeHubSpot({ deals: { '42': acme }, companies: { '7': 'Acme' }, contacts: { '9': { email: 'anna@acme.example', firstname: 'Anna', lastname: 'Verdi', hs_language: 'en' } } });
  before(hubspot);
  const clock = { now: at('2027-01-11T10:00') };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: fixture(playbook) } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  expect((await deliver(server.url, [stageEvent('42', 'closedwon', clock.now)], clock.now)).status).toBe(200);
  await server.worker.drain();
  let seen = 0;
  /** The health properties HubSpot received since the last look, one entry per batch update that carried any. */
  const healthUpdates = () => {
    const calls = hubspot.callsTo(DEALS).slice(seen);
    seen += calls.length;
    return calls
      .flatMap((c) => c.body.inputs.map((i: any) => Object.fromEntries(Object.entries(i.properties as Record<string, string>).filter(([k]) => HEALTH.includes(k)))))
      .filter((p) => Object.keys(p).length > 0);
  };
  async function sweep(local: string) {
    clock.now = at(local);
    expect(await runTick(server.engine, server.jobs['health-sweep'], clock.now)).toBe('ran');
    await server.worker.drain();
  }
  const healthsWritten = () => hubspot.callsTo(DEALS).flatMap((c) => c.body.inputs.map((i: any) => i.properties.first100_health)).filter(Boolean);
  return { hubspot, server, clock, healthUpdates, sweep, healthsWritten };
}

describe('health recomputed between sweeps', () => {
  it('goes behind when a task passes its due date (the sweep), and back on track as soon as HubSpot says the task was completed', async () => {
    const { hubspot, server, clock, healthUpdates, sweep, healthsWritten } = await wonDeal('playbook.health.yml');
    healthUpdates();

    // Time passing is not news: the task falls due while nothing happens, and the daily sweep finds it open.
    await sweep('2027-01-12T10:00');
    expect(healthUpdates()).toEqual([{ first100_health: 'behind', first100_health_reasons: '1 of 1 due tasks still open: "Prepare the kickoff with Acme" (due 2027-01-12)' }]);

    // The PM ticks the task in HubSpot at 10:30; HubSpot tells first100 (tasks' hs_task_status subscription).
    const task = hubspot.tasks.find((t) => t.properties.hs_task_subject === 'Prepare the kickoff with Acme')!;
    Object.assign(task.properties, { hs_task_status: 'COMPLETED', hs_task_completion_date: new Date(at('2027-01-12T10:30')).toISOString() });
    clock.now = at('2027-01-12T10:31');
    const readsBefore = hubspot.callsTo(TASK_READS).length;
    const answer = await deliver(server.url, [taskCompleted(task.id, at('2027-01-12T10:30'))], clock.now);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ received: 1, stored: 1 });
    await server.worker.drain();
    expect(healthUpdates()).toEqual([{ first100_health: 'on_track', first100_health_reasons: '' }]);
    // Learned from the event, not by asking HubSpot.
    expect(hubspot.callsTo(TASK_READS)).toHaveLength(readsBefore);

    // HubSpot delivers the event again (a retry), and the next sweep runs: nothing new to write, nothing to ask.
    expect(await (await deliver(server.url, [taskCompleted(task.id, at('2027-01-12T10:30'))], clock.now)).json()).toMatchObject({ stored: 0 });
    await server.worker.drain();
    await sweep('2027-01-12T11:00');
    expect(healthUpdates()).toEqual([]);
    expect(hubspot.callsTo(TASK_READS)).toHaveLength(readsBefore);

    expect(healthsWritten()).toEqual(['on_track', 'behind', 'on_track']);
    const completions = await server.db.query<{ task_id: string; deal_id: string; completed_at: string | number }>('SELECT task_id, deal_id, completed_at FROM task_completions');
    expect(completions.map((c) => [c.task_id, c.deal_id, Number(c.completed_at)])).toEqual([[task.id, '42', at('2027-01-12T10:30')]]);
  });

  it('counts a task HubSpot got only after its due moment as soon as it is created, without waiting for the sweep', async () => {
    const { hubspot, server, clock, healthUpdates, healthsWritten } = await wonDeal('playbook.health.yml', (h) => h.failNext('/crm/v3/objects/tasks/batch/create', 503));
    // The first attempt failed; HubSpot takes the tasks on Tuesday at 10:00, an hour after the first one was due.
    expect(hubspot.tasks).toHaveLength(0);
    expect(healthUpdates()).toEqual([{ first100_health: 'on_track', first100_projected_go_live: '2027-02-01', first100_slip_business_days: '0' }]);
    clock.now = at('2027-01-12T10:00');
    await server.worker.drain();
    expect(hubspot.tasks).toHaveLength(2);
    expect(healthUpdates()).toEqual([{ first100_health: 'behind', first100_health_reasons: '1 of 1 due tasks still open: "Prepare the kickoff with Acme" (due 2027-01-12)' }]);
    expect(healthsWritten()).toEqual(['on_track', 'behind']);
  });

  it('ignores a completed task that is not first100\'s, a task reopened, and the tasks first100 closed itself', async () => {
    const { hubspot, server, clock, healthUpdates, sweep } = await wonDeal('playbook.health.yml');
    await sweep('2027-01-12T10:00');
    healthUpdates();
    const task = hubspot.tasks[0]!;
    const reopened = { ...taskCompleted(task.id, clock.now, 78), propertyValue: 'NOT_STARTED' };
    const answer = await deliver(server.url, [taskCompleted('999999', clock.now), reopened], clock.now);
    expect(await answer.json()).toMatchObject({ received: 2, stored: 0 });
    await server.worker.drain();
    expect(healthUpdates()).toEqual([]);
    expect(await server.db.query('SELECT * FROM task_completions')).toEqual([]);

    // The deal is lost: first100 completes its open tasks itself, and HubSpot reports that like any completion.
    clock.now = at('2027-01-12T11:00');
    expect((await deliver(server.url, [stageEvent('42', 'closedlost', clock.now)], clock.now)).status).toBe(200);
    await server.worker.drain();
    expect(hubspot.tasks.every((t) => t.properties.hs_task_status === 'COMPLETED')).toBe(true);
    const echoes = hubspot.tasks.map((t, i) => taskCompleted(t.id, clock.now, 80 + i));
    expect(await (await deliver(server.url, echoes, clock.now)).json()).toMatchObject({ received: 2, stored: 0 });
    expect(await server.db.query('SELECT * FROM task_completions')).toEqual([]);
  });

  it('counts a client task gone past its due date, and brings the deal back when the client marks it done on their page', async () => {
    const { server, clock, healthUpdates, sweep, healthsWritten } = await wonDeal('playbook.health-client.yml');
    expect(healthUpdates()).toEqual([{ first100_health: 'on_track', first100_projected_go_live: '2027-01-25', first100_slip_business_days: '0' }]);

    // Due Tuesday 12th at 09:00; on Wednesday the client has not done it: 1 of 1 due tasks open.
    await sweep('2027-01-13T10:00');
    expect(healthUpdates()).toEqual([{ first100_health: 'behind', first100_health_reasons: '1 of 1 due tasks still open: client task "Give us admin access to your system" (1 business day overdue)' }]);

    clock.now = at('2027-01-13T11:00');
    const token = await issueClientLink(server.db, { dealId: '42', contactId: '9', locale: 'en', now: clock.now, expiresAt: clock.now + 90 * 86_400_000 });
    const csrf = formTokenOf(await (await fetch(`${server.url}/c/${token}`)).text());
    expect((await postForm(`${server.url}/c/${token}/tasks/admin-access`, { status: 'done', csrf })).status).toBe(303);
    await server.worker.drain();
    expect(healthUpdates()).toEqual([{ first100_health: 'on_track', first100_health_reasons: '' }]);

    await sweep('2027-01-14T10:00');
    expect(healthUpdates()).toEqual([]);
    expect(healthsWritten()).toEqual(['on_track', 'behind', 'on_track']);
  });
});

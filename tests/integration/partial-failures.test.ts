import { describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import type { FakeDeal } from '../support/fake-hubspot.js';
import { serverWithHubSpot } from '../support/server-with-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { requeueFailedWork } from '../../src/store/failed-work.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const onCleanUp = isolateNetwork();

const deal = (id: string, gone = false): FakeDeal => ({
  properties: { dealname: `Deal ${id}`, pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  gone,
});

async function setUp(deals: Record<string, FakeDeal>) {
  return serverWithHubSpot(onCleanUp, { deals, companies: { '7': 'Acme' } }, wonAt + 5000);
}

const stepsOf = (server: Awaited<ReturnType<typeof setUp>>['server'], kind: string) =>
  server.db.query<{ deal_id: string; status: string; last_error: string | null }>(`SELECT deal_id, status, last_error FROM steps WHERE kind = $1 ORDER BY id`, [kind]);

describe("HubSpot's answers are read per input", () => {
  it('one deleted deal among 100 won together: the other 99 get their tasks and updates once; its own wait, then fail with HubSpot\'s reason', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(1000 + i));
    const { hubspot, server, clock } = await setUp(Object.fromEntries(ids.map((id) => [id, deal(id, id === '1049')])));
    await deliver(server.url, ids.map((id) => stageEvent(id, 'closedwon', wonAt)), clock.now);
    await server.worker.drain();

    const tasksByDeal = (id: string) => hubspot.tasks.filter((t) => t.associations.some((a: any) => a.to.id === id && a.types[0].associationTypeId === 216));
    expect(hubspot.tasks).toHaveLength(99 * 2);
    expect(tasksByDeal('1049')).toHaveLength(0);
    const tasks = await stepsOf(server, 'task');
    expect(tasks.filter((s) => s.status === 'done')).toHaveLength(99 * 2);
    const waiting = tasks.filter((s) => s.deal_id === '1049');
    expect(waiting.map((s) => s.status)).toEqual(['pending', 'pending']);
    expect(waiting[0]!.last_error).toContain('DEAL 1049 does not exist');

    const updates = await stepsOf(server, 'deal-update');
    expect(updates.filter((s) => s.status === 'done')).toHaveLength(99);
    const refused = updates.find((s) => s.deal_id === '1049')!;
    expect(refused.status).toBe('pending');
    expect(refused.last_error).toContain('Could not get some DEAL objects');

    // HubSpot's refusal does not change: after its attempts the step fails, keeping the reason; nothing else is written twice.
    for (let round = 0; round < 15; round++) {
      clock.now += 10 * 60_000;
      await server.worker.drain();
    }
    const after = [...(await stepsOf(server, 'task')), ...(await stepsOf(server, 'deal-update'))].filter((s) => s.deal_id === '1049');
    expect(after.map((s) => s.status)).toEqual(['failed', 'failed', 'failed']);
    expect(after[0]!.last_error).toContain('DEAL 1049 does not exist');
    expect(hubspot.tasks).toHaveLength(99 * 2);
    expect(new Set(hubspot.tasks.map((t) => t.properties.hs_task_body)).size).toBe(99 * 2);

    // The deal was restored in HubSpot: `first100 retry` re-queues the failed steps; the tasks are looked for first.
    hubspot.restoreDeal('1049');
    expect(await requeueFailedWork(server.db, clock.now)).toEqual({ stageChanges: 0, steps: 3, privacyDeletions: 0 });
    clock.now += 1;
    await server.worker.drain();
    expect(tasksByDeal('1049')).toHaveLength(2);
    expect(hubspot.tasks).toHaveLength(100 * 2);
    expect((await stepsOf(server, 'deal-update')).every((s) => s.status === 'done')).toBe(true);
  });

  it('a batch create HubSpot applied but answered 502: the retry finds the tasks by their markers and creates nothing twice', async () => {
    const { hubspot, server, clock } = await setUp({ '42': deal('42') });
    hubspot.failAfterApplying('/crm/v3/objects/tasks/batch/create', 502, { status: 'error', message: 'Bad Gateway' });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    expect(hubspot.tasks).toHaveLength(2);
    expect((await stepsOf(server, 'task')).map((s) => s.status)).toEqual(['sending', 'sending']); // in doubt

    clock.now += 60_000; // past the time HubSpot's search needs to show a new task
    await server.worker.drain();
    expect(hubspot.callsTo('/crm/v3/objects/tasks/search')).toHaveLength(1);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')).toHaveLength(1);
    expect(hubspot.tasks).toHaveLength(2);
    expect((await stepsOf(server, 'task')).map((s) => s.status)).toEqual(['done', 'done']);
  });

  it('HubSpot answering 503 to everything for three hours: nothing is given up, and once it answers every deal gets its phase and tasks once', async () => {
    const ids = ['1', '2', '3', '4'];
    const { hubspot, server, clock } = await setUp(Object.fromEntries(ids.map((id) => [id, deal(id)])));
    // Deal 4 is won just before the outage: it enters its phase, but HubSpot fails its tasks.
    hubspot.failNext('/crm/v3/objects/tasks/batch/create', 503, { message: 'Service Unavailable' });
    await deliver(server.url, [stageEvent('4', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    hubspot.failAll(503, { message: 'Service Unavailable' });
    await deliver(server.url, ['1', '2', '3'].map((id) => stageEvent(id, 'closedwon', wonAt)), clock.now);
    const outageEnds = clock.now + 3 * 60 * 60_000; // far past ten attempts of backoff
    while (clock.now < outageEnds) {
      await server.worker.drain();
      clock.now += 5 * 60_000;
    }
    const changes = await server.db.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM stage_changes WHERE deal_id <> '4'`);
    expect(changes.map((c) => c.status)).toEqual(['pending', 'pending', 'pending']);
    expect(Math.min(...changes.map((c) => Number(c.attempts)))).toBeGreaterThan(10);
    const tasksOf4 = await server.db.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM steps WHERE deal_id = '4' AND kind = 'task'`);
    expect(tasksOf4.every((t) => t.status !== 'failed' && Number(t.attempts) > 10)).toBe(true);
    expect(hubspot.tasks).toHaveLength(0);

    hubspot.failAll(); // HubSpot answers again
    clock.now += 5 * 60_000;
    await server.worker.drain();
    const phases = await server.db.query<{ phase: string }>(`SELECT phase FROM deal_onboarding ORDER BY deal_id`);
    expect(phases.map((p) => p.phase)).toEqual(['admit', 'admit', 'admit', 'admit']);
    expect(hubspot.tasks).toHaveLength(ids.length * 2);
    expect(new Set(hubspot.tasks.map((t) => t.properties.hs_task_body)).size).toBe(ids.length * 2);
  });
});

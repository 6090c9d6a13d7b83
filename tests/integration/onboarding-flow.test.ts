import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { startServer } from '../support/start-server.js';
import { isolateNetwork } from '../support/isolate-network.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const marker = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);
const acme: FakeDeal = {
  properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  contactIds: ['9'],
};

const onCleanUp = isolateNetwork();

async function setUp(deals: Record<string, FakeDeal>, clockStart = wonAt + 5000) {
  const hubspot = fakeHubSpot({ deals, companies: { '7': 'Acme' } });
  const clock = { now: clockStart };
  const server = await startServer({ clock: () => clock.now });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  return { hubspot, server, clock };
}

const association = (id: string, typeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] });

describe('a deal won in HubSpot', () => {
  it('creates the admit tasks with associations, owners and business-day due dates, then records the phase', async () => {
    const { hubspot, server, clock } = await setUp({ '42': acme });
    expect((await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now)).status).toBe(200);
    await server.worker.drain();

    expect(hubspot.requests.map((r) => r.path)).toEqual([
      '/crm/v3/objects/deals/batch/read',
      '/crm/v4/associations/deals/companies/batch/read',
      '/crm/v4/associations/deals/contacts/batch/read',
      '/crm/v3/objects/companies/batch/read',
      '/crm/v3/objects/tasks/batch/create',
      '/crm/v3/objects/deals/batch/update',
    ]);
    expect(hubspot.requests[0]!.body).toEqual({
      inputs: [{ id: '42' }],
      properties: ['dealname', 'pipeline', 'dealstage', 'hubspot_owner_id', 'first100_pm_owner', 'closedate'],
    });
    const associations = [association('42', 216), association('7', 192), association('9', 204)];
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')[0]!.body).toEqual({
      inputs: [
        {
          properties: {
            hs_timestamp: '2026-12-07T08:00:00.000Z', // Monday 09:00 in Rome: the first business day after a Friday afternoon
            hs_task_subject: 'Celebrate Acme',
            hs_task_body: `Tell the whole company.\n\nfirst100 ref ${marker(`42:admit:${wonAt}:celebrate`)}`,
            hs_task_status: 'NOT_STARTED',
            hs_task_priority: 'HIGH',
            hs_task_type: 'TODO',
            hubspot_owner_id: '100',
          },
          associations,
        },
        {
          properties: {
            hs_timestamp: '2026-12-09T08:00:00.000Z', // 2 business days later: 8 December is a holiday in Italy
            hs_task_subject: 'Handoff meeting for Acme renewal',
            hs_task_body: `first100 ref ${marker(`42:admit:${wonAt}:handoff-meeting`)}`,
            hs_task_status: 'NOT_STARTED',
            hs_task_priority: 'MEDIUM',
            hs_task_type: 'CALL',
            hubspot_owner_id: '200',
          },
          associations,
        },
      ],
    });
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update')[0]!.body).toEqual({
      inputs: [
        {
          id: '42',
          properties: {
            first100_phase: 'admit',
            first100_phase_entered_at: '2026-12-04T14:00:00.000Z',
            first100_day_zero: '2026-12-04',
            first100_health: 'on_track',
          },
        },
      ],
    });
    const planned = await server.db.query<{ step_id: string; status: string }>(`SELECT step_id, status FROM steps WHERE kind = 'email'`);
    expect(planned).toEqual([{ step_id: 'welcome', status: 'pending' }]);
  });

  it('moves on to affirm one business day later, with that phase\'s tasks', async () => {
    const { hubspot, server, clock } = await setUp({ '42': acme });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    const before = hubspot.tasks.length;

    clock.now = Date.parse('2026-12-07T08:00:00Z');
    await server.worker.drain();

    expect(hubspot.tasks.slice(before).map((t) => [t.properties.hs_task_subject, t.properties.hubspot_owner_id, t.properties.hs_timestamp])).toEqual([
      ['Share two case histories', '555', '2026-12-10T08:00:00.000Z'],
    ]);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update').at(-1)!.body.inputs[0].properties).toMatchObject({ first100_phase: 'affirm' });
  });

  it('creates nothing new when the same delivery arrives three times', async () => {
    const { hubspot, server, clock } = await setUp({ '42': acme });
    const delivery = [stageEvent('42', 'closedwon', wonAt)];
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await (await deliver(server.url, delivery, clock.now)).json());
      await server.worker.drain();
    }
    expect(answers.map((a) => a.stored)).toEqual([1, 0, 0]);
    expect(hubspot.tasks).toHaveLength(2);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')).toHaveLength(1);
  });

  it('100 deals won in one delivery cost at most 12 HubSpot calls in all', async () => {
    const deals = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [String(5000 + i), { ...acme, properties: { ...acme.properties, dealname: `Deal ${i}` } }]),
    );
    const { hubspot, server, clock } = await setUp(deals);
    const delivery = Object.keys(deals).map((id, i) => stageEvent(id, 'closedwon', wonAt + i));
    expect(await (await deliver(server.url, delivery, clock.now)).json()).toMatchObject({ stored: 100 });
    await server.worker.drain();

    expect(hubspot.tasks).toHaveLength(200);
    expect(new Set(hubspot.tasks.map((t) => t.associations[0].to.id)).size).toBe(100);
    expect(hubspot.requests.length).toBeLessThanOrEqual(12);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update')[0]!.body.inputs).toHaveLength(100);
  });

  it.each([
    ['a 429 (ten-secondly limit)', 429, { status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.' }],
    ['a 500', 500, { status: 'error', message: 'internal error', correlationId: 'abc' }],
  ])('creates the tasks once after %s then success', async (_case, status, body) => {
    const { hubspot, server, clock } = await setUp({ '42': acme });
    hubspot.failNext('/crm/v3/objects/tasks/batch/create', status, body);
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now += 60_000; // a 500 on a create leaves it in doubt: HubSpot is asked for the markers before creating again
    await server.worker.drain();
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')).toHaveLength(2);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/search')).toHaveLength(status >= 500 ? 1 : 0);
    expect(hubspot.tasks).toHaveLength(2);
    const steps = await server.db.query<{ status: string }>(`SELECT status FROM steps WHERE kind = 'task'`);
    expect(steps.map((s) => s.status)).toEqual(['done', 'done']);
  });

  it('after a 207 partial answer, retries only the tasks HubSpot refused', async () => {
    const { hubspot, server, clock } = await setUp({ '42': acme });
    hubspot.refuseTasksNext((input) => input.properties.hs_task_subject.startsWith('Handoff'));
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    expect(hubspot.tasks.map((t) => t.properties.hs_task_subject)).toEqual(['Celebrate Acme']);
    const [refused] = await server.db.query<{ status: string; last_error: string }>(`SELECT status, last_error FROM steps WHERE step_id = 'handoff-meeting'`);
    expect(refused).toMatchObject({ status: 'pending', last_error: expect.stringContaining('owner is inactive') });

    clock.now += 60_000;
    await server.worker.drain();
    expect(hubspot.tasks.map((t) => t.properties.hs_task_subject)).toEqual(['Celebrate Acme', 'Handoff meeting for Acme renewal']);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create').map((r) => r.body.inputs.length)).toEqual([2, 1]);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/search')).toHaveLength(0);
  });

  it('when a deal is lost, its pending steps are cancelled and its phase cleared', async () => {
    const { hubspot, server, clock } = await setUp({ '42': acme });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    await deliver(server.url, [stageEvent('42', 'closedlost', wonAt + 60_000)], clock.now);
    await server.worker.drain();

    const steps = await server.db.query<{ step_id: string; status: string }>(`SELECT step_id, status FROM steps WHERE kind IN ('email', 'advance') ORDER BY id`);
    expect(steps).toEqual([
      { step_id: 'welcome', status: 'cancelled' },
      { step_id: 'advance-to-affirm', status: 'cancelled' },
    ]);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update').at(-1)!.body.inputs).toEqual([
      { id: '42', properties: { first100_phase: '', first100_health: '' } },
    ]);
    clock.now = Date.parse('2026-12-08T08:00:00Z');
    await server.worker.drain();
    expect(hubspot.tasks).toHaveLength(2); // no affirm tasks for a lost deal
  });

  it('applies stage changes delivered out of order in occurredAt order', async () => {
    const { hubspot, server, clock } = await setUp({ '42': acme });
    await deliver(server.url, [stageEvent('42', 'closedlost', wonAt + 60_000), stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update').at(-1)!.body.inputs[0].properties.first100_phase).toBe('');
    await deliver(server.url, [stageEvent('42', 'contractsent', wonAt - 60_000)], clock.now);
    await server.worker.drain();
    const [state] = await server.db.query<{ phase: string | null; lost: boolean }>(`SELECT phase, lost FROM deal_onboarding WHERE deal_id = '42'`);
    expect(state).toEqual({ phase: null, lost: true });
  });
});

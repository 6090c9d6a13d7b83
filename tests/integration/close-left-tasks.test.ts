import { describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import type { FakeDeal } from '../support/fake-hubspot.js';
import { serverWithHubSpot } from '../support/server-with-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const onCleanUp = isolateNetwork();
const acme: FakeDeal = {
  properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  contactIds: ['9'],
};

async function setUp() {
  return serverWithHubSpot(onCleanUp, { deals: { '42': acme }, companies: { '7': 'Acme' } }, wonAt + 5000);
}

describe('a deal that is lost or moves back', () => {
  it("closes first100's own open tasks in HubSpot, never someone else's, and says why on the timeline", async () => {
    const { hubspot, server, clock } = await setUp();
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    expect(hubspot.tasks.map((t) => t.properties.hs_task_subject)).toEqual(['Celebrate Acme', 'Handoff meeting for Acme renewal']);
    const [celebrate, handoff] = hubspot.tasks;
    celebrate!.properties.hs_task_status = 'COMPLETED'; // the rep already did it
    const byHand = hubspot.addTaskByHand('42', 'Call back about the invoice');

    clock.now += 3_600_000;
    await deliver(server.url, [stageEvent('42', 'closedlost', clock.now - 1000)], clock.now);
    await server.worker.drain();

    expect(handoff!.properties.hs_task_status).toBe('COMPLETED');
    expect(byHand.properties.hs_task_status).toBe('NOT_STARTED');
    const updated = hubspot.callsTo('/crm/v3/objects/tasks/batch/update').flatMap((r) => r.body.inputs.map((i: any) => i.id));
    expect(updated).toEqual([handoff!.id]); // the completed task keeps its completion date; the hand-made one is untouched
    expect(hubspot.requests.some((r) => r.path.includes('archive') || r.method === 'DELETE')).toBe(false);
    const note = hubspot.notes.at(-1)!.properties.hs_note_body;
    expect(note).toContain('first100 closed an open task it had created: the deal was lost during Admit.');
    expect(note).toContain('<li>Handoff meeting for Acme renewal</li>');
    expect(note).not.toContain('Celebrate');

    // Delivered again, the loss closes nothing more.
    await deliver(server.url, [stageEvent('42', 'closedlost', clock.now - 1000)], clock.now);
    await server.worker.drain();
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/update')).toHaveLength(1);
  });

  it('moving back before a phase closes the open tasks of the phases it left', async () => {
    const { hubspot, server, clock } = await setUp();
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now += 4 * 86_400_000; // past the timed advance to affirm (Monday 09:00)
    await server.worker.drain();
    const reassure = hubspot.tasks.find((t) => t.properties.hs_task_subject === 'Share two case histories')!;
    expect(reassure.properties.hs_task_status).toBe('NOT_STARTED');

    clock.now += 3_600_000;
    await deliver(server.url, [stageEvent('42', 'contractsent', clock.now - 1000)], clock.now); // back to assess
    await server.worker.drain();
    expect(reassure.properties.hs_task_status).toBe('COMPLETED');
    expect(hubspot.tasks.filter((t) => t.properties.hs_task_status === 'COMPLETED').map((t) => t.properties.hs_task_subject).sort()).toEqual(
      ['Celebrate Acme', 'Handoff meeting for Acme renewal', 'Share two case histories'].sort(),
    );
    expect(hubspot.notes.at(-1)!.properties.hs_note_body).toContain('the deal moved back to Assess');
  });
});

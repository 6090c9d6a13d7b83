import { describe, expect, it } from 'vitest';
import { serverWithHubSpot } from '../support/server-with-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { outboxFiles } from '../support/outbox.js';
import { workflowCall } from '../support/workflow-calls.js';

const startAt = Date.parse('2026-12-01T09:00:00Z'); // a Tuesday
const onCleanUp = isolateNetwork();

async function setUp() {
  return serverWithHubSpot(onCleanUp, {
    deals: { '42': { properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null }, companyId: '7', contactIds: ['9'] } },
    companies: { '7': 'Acme' },
    contacts: { '9': { email: 'sam@acme.example', firstname: 'Sam', lastname: 'Carter', hs_language: 'en' } },
  }, startAt);
}

const kickoffSurvey = (server: Awaited<ReturnType<typeof setUp>>['server']) =>
  server.db.query<{ status: string; run_at: string }>(`SELECT status, run_at FROM steps WHERE kind = 'email' AND step_id = 'kickoff-survey'`);

describe('a paused deal', () => {
  it('sends no email past its due time while paused, sends it after the resume, moved later by the pause, and closes no task', async () => {
    const { hubspot, server, clock } = await setUp();
    await workflowCall(server.url, 'start-onboarding', { start_phase: 'activate' });
    await server.worker.drain();
    const [planned] = await kickoffSurvey(server);
    const dueAt = Number(planned!.run_at); // one business day after the kickoff phase began

    const pausedAt = (clock.now += 3_600_000);
    const paused = await workflowCall(server.url, 'pause-resume', { mode: 'pause', reason: 'Client on holiday' });
    expect(paused.json.outputFields).toMatchObject({ outcome: 'paused', held_steps: '1' });
    clock.now = dueAt + 3 * 86_400_000; // three days past its due time
    await server.worker.drain();
    expect((await kickoffSurvey(server))[0]!.status).toBe('pending');
    expect(await outboxFiles(server.dataDir)).toHaveLength(0);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/update')).toHaveLength(0);

    await workflowCall(server.url, 'pause-resume', { mode: 'resume' });
    const [resumed] = await kickoffSurvey(server);
    expect(Number(resumed!.run_at)).toBe(dueAt + (clock.now - pausedAt));
    await server.worker.drain();
    expect(await outboxFiles(server.dataDir)).toHaveLength(0); // not yet: it keeps its distance from the resume

    clock.now = Number(resumed!.run_at) + 1;
    await server.worker.drain();
    expect((await kickoffSurvey(server))[0]!.status).toBe('done');
    expect(await outboxFiles(server.dataDir)).toHaveLength(1);
  });
});

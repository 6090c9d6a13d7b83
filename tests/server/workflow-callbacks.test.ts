import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';
import { newCallbackId, workflowCall } from '../support/workflow-calls.js';

const COMPLETE = '/automation/v4/actions/callbacks/{callbackId}/complete';
const onCleanUp = isolateNetwork();

async function setUp() {
  const hubspot = fakeHubSpot({
    deals: { '42': { properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: null, closedate: null } } },
  });
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  const clock = { now: Date.parse('2026-12-04T14:00:05Z') };
  const server = await startServer({ clock: () => clock.now, log });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const callbackStep = async () =>
    (await server.db.query<{ status: string; attempts: number; last_error: string | null }>(`SELECT status, attempts, last_error FROM steps WHERE kind = 'workflow-callback'`))[0];
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { hubspot, server, clock, callbackStep, logged };
}

describe('completing a workflow callback', () => {
  it('sends outputFields and typedOutputs, both required by HubSpot\'s CallbackCompletionRequest', async () => {
    const { hubspot, server } = await setUp();
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    const [completion] = hubspot.callsTo(COMPLETE);
    expect(completion!.body).toEqual({ outputFields: expect.objectContaining({ hs_execution_state: 'SUCCESS', outcome: 'started' }), typedOutputs: {} });
  });

  it('a callback HubSpot answers as already completed is done, logged, and never sent again', async () => {
    const { hubspot, server, clock, callbackStep, logged } = await setUp();
    const callbackId = newCallbackId();
    const said = { status: 'error', category: 'VALIDATION_ERROR', message: `Callback ${callbackId} has already been completed`, correlationId: 'c0ffee00-0000-4000-8000-000000000001' };
    hubspot.failNext(COMPLETE, 400, said);
    await workflowCall(server.url, 'start-onboarding', {}, { callbackId });
    await server.worker.drain();
    expect(await callbackStep()).toEqual({ status: 'done', attempts: 1, last_error: null });
    clock.now += 24 * 3600_000;
    await server.worker.drain();
    expect(hubspot.callsTo(COMPLETE)).toHaveLength(1);
    expect(logged()).toContainEqual(
      expect.objectContaining({ callbackId, status: 400, category: 'VALIDATION_ERROR', correlationId: said.correlationId, msg: expect.stringContaining('already closed') }),
    );
  });

  it('an expired callback (410) is done as well', async () => {
    const { hubspot, server, callbackStep } = await setUp();
    hubspot.failNext(COMPLETE, 410, { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'gone' });
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    expect((await callbackStep())!.status).toBe('done');
  });

  it('other refusals are not taken for "closed": a bare 404 and an expired token are retried', async () => {
    const { hubspot, server, clock, callbackStep } = await setUp();
    hubspot.failNext(COMPLETE, 404, { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'resource not found' });
    hubspot.failNext(COMPLETE, 401, { status: 'error', category: 'EXPIRED_AUTHENTICATION', message: 'The OAuth token used to make this call expired' });
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    expect(await callbackStep()).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('404') });
    clock.now += 60_000;
    await server.worker.drain();
    expect(await callbackStep()).toMatchObject({ status: 'pending', attempts: 2, last_error: expect.stringContaining('401') });
    clock.now += 3600_000;
    await server.worker.drain();
    expect(await callbackStep()).toMatchObject({ status: 'done', attempts: 3 });
    expect(hubspot.callbacks).toHaveLength(1);
  });
});

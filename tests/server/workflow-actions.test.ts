import { describe, expect, it } from 'vitest';
import { executionRequest } from '../../src/cli/post-workflow-action.js';
import { readOutboxMessage, surveyLinksInEml } from '../../src/email/outbox-reader.js';
import { signV2 } from '../../src/hubspot/signature-v2.js';
import { signV3 } from '../../src/hubspot/signature.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { outboxFiles } from '../support/outbox.js';
import { PORTAL, PUBLIC_URL, SECRET, startServer } from '../support/start-server.js';
import { newCallbackId, workflowCall } from '../support/workflow-calls.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const acme: FakeDeal = {
  properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: null, closedate: null },
  companyId: '7',
  contactIds: ['9', '10'],
};

const onCleanUp = isolateNetwork();

async function setUp() {
  const hubspot = fakeHubSpot({
    deals: { '42': acme },
    companies: { '7': 'Acme' },
    contacts: {
      '9': { email: 'sam@acme.example', firstname: 'Sam', lastname: 'Carter', hs_language: 'en' },
      '10': { email: 'anna@acme.example', firstname: 'Anna', lastname: 'Rossi', hs_language: 'it' },
    },
  });
  const clock = { now: wonAt + 5000 };
  const server = await startServer({ clock: () => clock.now });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const entries = () => server.db.query<{ phase: string; cause: string }>(`SELECT phase, cause FROM phase_entries WHERE deal_id = '42' ORDER BY id`);
  return { hubspot, server, clock, entries };
}

describe('the workflow action endpoint refuses what HubSpot did not sign', () => {
  const path = '/api/workflow-actions/start-onboarding';
  const body = executionRequest({ callbackId: 'ap-1-2-3-0', portalId: PORTAL, workflowId: 777, dealId: '42', inputFields: {} });
  const post = (url: string, headers: Record<string, string>, sent = body) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: sent });

  it('no signature, a wrong one, another body or another secret: 401 and nothing stored', async () => {
    const { server, hubspot } = await setUp();
    const v2 = (secret: string, signed = body) => ({ 'x-hubspot-signature-version': 'v2', 'x-hubspot-signature': signV2(secret, 'POST', `${PUBLIC_URL}${path}`, signed) });
    const answers = [
      await post(server.url, {}),
      await post(server.url, v2('another-secret')),
      await post(server.url, v2(SECRET), body.replace('"objectId":42', '"objectId":43')),
      await post(server.url, { 'x-hubspot-signature-version': 'v1', 'x-hubspot-signature': signV2(SECRET, 'POST', `${PUBLIC_URL}${path}`, body) }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect((await answers[0]!.json()).error.code).toBe('SIGNATURE_MISSING');
    expect((await answers[1]!.json()).error.code).toBe('SIGNATURE_MISMATCH');
    expect(await server.db.query('SELECT * FROM workflow_calls')).toEqual([]);
    expect(hubspot.requests).toEqual([]);
  });

  it('takes a v3 signature when HubSpot sends one, and refuses it stale', async () => {
    const { server, clock } = await setUp();
    const v3 = (timestamp: number) => ({
      'x-hubspot-request-timestamp': String(timestamp),
      'x-hubspot-signature-v3': signV3(SECRET, 'POST', `${PUBLIC_URL}${path}`, body, String(timestamp)),
    });
    expect((await post(server.url, v3(clock.now - 6 * 60_000))).status).toBe(401);
    const fresh = await post(server.url, v3(clock.now));
    expect(fresh.status).toBe(200);
    expect((await fresh.json()).outputFields).toEqual({ hs_execution_state: 'BLOCK', hs_expiration_duration: 'P7D' });
  });

  it('a signed body that is not an execution request: 400', async () => {
    const { server } = await setUp();
    const bad = '{"callbackId":"x"}';
    const res = await post(server.url, { 'x-hubspot-signature': signV2(SECRET, 'POST', `${PUBLIC_URL}${path}`, bad) }, bad);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_BODY');
  });
});

describe('Start onboarding', () => {
  it('answers BLOCK at once, enters the phase with its plan, then completes the workflow with the outputs', async () => {
    const { server, hubspot, entries } = await setUp();
    const callbackId = newCallbackId();
    const { status, json } = await workflowCall(server.url, 'start-onboarding', { pm_owner: '300', start_phase: '', day_zero: '1764806400000' }, { callbackId });
    expect(status).toBe(200);
    expect(json.outputFields.hs_execution_state).toBe('BLOCK');
    expect(hubspot.requests).toEqual([]); // the answer never waits for HubSpot

    await server.worker.drain();
    expect(await entries()).toEqual([{ phase: 'admit', cause: 'started by HubSpot workflow 777' }]);
    expect(hubspot.tasks.map((t) => [t.properties.hs_task_subject, t.properties.hubspot_owner_id])).toEqual([
      ['Celebrate Acme', '100'],
      ['Handoff meeting for Acme renewal', '300'],
    ]);
    const update = hubspot.callsTo('/crm/v3/objects/deals/batch/update').flatMap((c) => c.body.inputs).at(-1);
    expect(update.properties).toMatchObject({ first100_phase: 'admit', first100_pm_owner: '300', first100_day_zero: '2025-12-04', first100_health: 'on_track' });
    expect(hubspot.notes[0]!.properties.hs_note_body).toContain('Onboarding started by HubSpot workflow 777');
    expect(hubspot.callbacks).toEqual([
      { callbackId, outputFields: { hs_execution_state: 'SUCCESS', outcome: 'started', phase: 'admit', tasks_created: '2', handoff_accepted: 'false' } },
    ]);
  });

  it('the same callback twice (a retry, or a replay of the signed request) has one effect', async () => {
    const { server, hubspot, entries } = await setUp();
    const callbackId = newCallbackId();
    const first = await workflowCall(server.url, 'start-onboarding', {}, { callbackId });
    const again = await workflowCall(server.url, 'start-onboarding', {}, { callbackId });
    expect([first.json.outputFields.hs_execution_state, again.json.outputFields.hs_execution_state]).toEqual(['BLOCK', 'BLOCK']);
    await server.worker.drain();
    const replayed = await workflowCall(server.url, 'start-onboarding', {}, { callbackId });
    await server.worker.drain();

    expect(replayed.json.outputFields).toMatchObject({ hs_execution_state: 'SUCCESS', outcome: 'started', tasks_created: '2' });
    expect(await entries()).toHaveLength(1);
    expect(hubspot.tasks).toHaveLength(2);
    expect(hubspot.callbacks).toHaveLength(1);
    expect(await server.db.query('SELECT callback_id FROM workflow_calls')).toHaveLength(1);
  });

  it('a deal already in onboarding is left as it is', async () => {
    const { server, hubspot, entries } = await setUp();
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    await workflowCall(server.url, 'start-onboarding', { start_phase: 'activate' });
    await server.worker.drain();
    expect(await entries()).toHaveLength(1);
    expect(hubspot.callbacks[1]!.outputFields).toMatchObject({ hs_execution_state: 'SUCCESS', outcome: 'already_started', phase: 'admit', tasks_created: '0' });
  });
});

describe('invalid calls are answered so the workflow history shows why', () => {
  it('an unknown phase: FAIL_CONTINUE at once, with the error code the execution rules turn into a message', async () => {
    const { server, hubspot } = await setUp();
    const { json } = await workflowCall(server.url, 'move-phase', { phase: 'onboarding', reason: 'Kickoff held' });
    expect(json.outputFields).toMatchObject({ hs_execution_state: 'FAIL_CONTINUE', errorCode: 'UNKNOWN_PHASE' });
    expect(json.outputFields.error_message).toContain('"onboarding"');
    await server.worker.drain();
    expect(hubspot.requests).toEqual([]);
  });

  it('a deal HubSpot does not have: the workflow is completed with DEAL_NOT_FOUND and nothing else happens', async () => {
    const { server, hubspot } = await setUp();
    const callbackId = newCallbackId();
    await workflowCall(server.url, 'start-onboarding', {}, { callbackId, dealId: '99' });
    await server.worker.drain();
    expect(hubspot.callbacks).toEqual([{ callbackId, outputFields: expect.objectContaining({ hs_execution_state: 'FAIL_CONTINUE', errorCode: 'DEAL_NOT_FOUND' }) }]);
    expect(await server.db.query('SELECT * FROM phase_entries')).toEqual([]);
  });

  it('a deal of another HubSpot account: refused with OTHER_ACCOUNT, nothing stored', async () => {
    const { server } = await setUp();
    const { json } = await workflowCall(server.url, 'start-onboarding', {}, { portalId: '999' });
    expect(json.outputFields).toMatchObject({ hs_execution_state: 'FAIL_CONTINUE', errorCode: 'OTHER_ACCOUNT' });
    expect(await server.db.query('SELECT * FROM workflow_calls')).toEqual([]);
  });

  it('pausing a deal that is not in onboarding: NOT_IN_ONBOARDING', async () => {
    const { server } = await setUp();
    const { json } = await workflowCall(server.url, 'pause-resume', { mode: 'pause' });
    expect(json.outputFields).toMatchObject({ hs_execution_state: 'FAIL_CONTINUE', errorCode: 'NOT_IN_ONBOARDING' });
  });

  it('HubSpot refusing the completion once: the callback is sent again later', async () => {
    const { server, hubspot, clock } = await setUp();
    hubspot.failNext('/automation/v4/actions/callbacks/{callbackId}/complete', 500, { message: 'oops' });
    hubspot.failNext('/automation/v4/actions/callbacks/{callbackId}/complete', 500, { message: 'oops' });
    hubspot.failNext('/automation/v4/actions/callbacks/{callbackId}/complete', 500, { message: 'oops' });
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    expect(hubspot.callbacks).toEqual([]);
    clock.now += 60_000;
    await server.worker.drain();
    expect(hubspot.callbacks).toHaveLength(1);
  });
});

describe('Move to phase and Send a feedback survey', () => {
  it('moves with the planner a card move uses, and says how many tasks it planned', async () => {
    const { server, hubspot, entries } = await setUp();
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    await workflowCall(server.url, 'move-phase', { phase: 'affirm', reason: 'Remorse signals on the kickoff call' });
    await server.worker.drain();
    expect((await entries()).at(-1)).toEqual({ phase: 'affirm', cause: 'moved by HubSpot workflow 777: Remorse signals on the kickoff call' });
    expect(hubspot.callbacks.at(-1)!.outputFields).toEqual({ hs_execution_state: 'SUCCESS', outcome: 'moved', phase: 'affirm', tasks_created: '1', handoff_accepted: 'false' });
    expect(hubspot.tasks.at(-1)!.properties.hs_task_subject).toBe('Share two case histories');
    expect(hubspot.notes.at(-1)!.properties.hs_note_body).toContain('Onboarding phase moved by HubSpot workflow 777</strong>: Admit → Affirm');
  });

  it('sends the survey email the way the playbook\'s are sent, about the touchpoint the workflow names', async () => {
    const { server, hubspot } = await setUp();
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    const callbackId = newCallbackId();
    await workflowCall(server.url, 'send-survey', { survey_kind: 'NPS', touchpoint: 'First results review' }, { callbackId });
    await workflowCall(server.url, 'send-survey', { survey_kind: 'CSAT', touchpoint: 'Monthly review', audience: 'all_contacts' });
    await server.worker.drain();
    const emails = await server.db.query<{ effect_key: string; status: string; payload: any }>(
      `SELECT effect_key, status, payload FROM steps WHERE kind = 'email' AND step_id = 'workflow-survey' ORDER BY id`,
    );
    const sent = { sent: 1, failed: 0, skipped: [], unknown: 0 };
    expect(emails).toEqual([
      {
        effect_key: `42:workflow:${callbackId}:survey`,
        status: 'done',
        payload: { template: 'touchpoint-survey', to: 'primary_contact', survey: 'NPS', touchpoint: 'First results review', contactIds: ['9', '10'], delivery: sent },
      },
      {
        effect_key: expect.stringMatching(/^42:workflow:ap-/),
        status: 'done',
        payload: { template: 'touchpoint-survey', to: 'all_contacts', survey: 'CSAT', touchpoint: 'Monthly review', contactIds: ['9', '10'], delivery: { ...sent, sent: 2 } },
      },
    ]);
    const files = await outboxFiles(server.dataDir);
    const scales = await Promise.all(files.map(async (f) => (await surveyLinksInEml(f)).scores.length));
    expect(scales.sort((a, b) => a - b)).toEqual([5, 5, 11]); // CSAT 1–5 to both contacts, NPS 0–10 to the primary one
    // Each email asks about the workflow's touchpoint in the contact's language; none thanks for a kickoff or congratulates.
    const texts = await Promise.all(files.map(async (f) => (await readOutboxMessage(f)).text));
    const questions = texts.filter((t) => t.includes('“Monthly review”')).map((t) => t.match(/^(How satisfied are you with|Quanto siete soddisfatti di) “Monthly review”\?$/m)?.[1]);
    expect(questions.sort()).toEqual(['How satisfied are you with', 'Quanto siete soddisfatti di']);
    expect(texts.filter((t) => t.includes('“First results review”'))).toHaveLength(1);
    for (const text of texts) expect(text).not.toMatch(/kickoff|congratulat|complimenti/i);
    expect(hubspot.callbacks.slice(1).map((c) => [c.outputFields.survey_planned, c.outputFields.survey_contacts, c.outputFields.phase])).toEqual([
      ['true', '1', 'admit'],
      ['true', '2', 'admit'],
    ]);
  });
});

describe('Pause / resume onboarding', () => {
  it('holds the timed advance while paused and moves it later by the pause on resume', async () => {
    const { server, clock } = await setUp();
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    const advanceAt = async () => Number((await server.db.query<{ run_at: string }>(`SELECT run_at FROM steps WHERE kind = 'advance' AND status = 'pending'`))[0]?.run_at);
    const dueBefore = await advanceAt();
    const pausedAt = (clock.now += 3_600_000);
    const paused = await workflowCall(server.url, 'pause-resume', { mode: 'pause', reason: 'Client on holiday' });
    expect(paused.json.outputFields).toMatchObject({ hs_execution_state: 'SUCCESS', outcome: 'paused', paused: 'true', phase: 'admit' });
    expect(Number(paused.json.outputFields.held_steps)).toBeGreaterThanOrEqual(2); // the planned welcome email and the advance

    clock.now = dueBefore + 3_600_000; // the advance was due an hour ago
    await server.worker.drain();
    const [state] = await server.db.query<{ phase: string }>(`SELECT phase FROM deal_onboarding WHERE deal_id = '42'`);
    expect(state!.phase).toBe('admit');

    const resumed = await workflowCall(server.url, 'pause-resume', { mode: 'resume' });
    expect(resumed.json.outputFields).toMatchObject({ outcome: 'resumed', paused: 'false' });
    expect(await advanceAt()).toBe(dueBefore + (clock.now - pausedAt));
    clock.now = (await advanceAt()) + 1;
    await server.worker.drain();
    const [after] = await server.db.query<{ phase: string }>(`SELECT phase FROM deal_onboarding WHERE deal_id = '42'`);
    expect(after!.phase).toBe('affirm');
  });

  it('a move while paused is recorded, its tasks wait for the resume and keep their distance from it', async () => {
    const { server, hubspot, clock } = await setUp();
    await workflowCall(server.url, 'start-onboarding', {});
    await server.worker.drain();
    await workflowCall(server.url, 'pause-resume', { mode: 'pause' });
    const movedAt = (clock.now += 60_000);
    await workflowCall(server.url, 'move-phase', { phase: 'affirm', reason: 'Remorse signals' });
    await server.worker.drain();
    expect(hubspot.callbacks.at(-1)!.outputFields).toMatchObject({ phase: 'affirm', tasks_created: '1' });
    expect(hubspot.tasks).toHaveLength(2); // the affirm task waits
    expect(hubspot.notes.map((n) => n.properties.hs_note_body)).toEqual([
      expect.stringContaining('Onboarding started by'),
      expect.stringContaining('Onboarding paused by HubSpot workflow 777'),
      expect.stringContaining('Admit → Affirm'),
    ]);

    const [held] = await server.db.query<{ due_at: string }>(`SELECT due_at FROM steps WHERE kind = 'task' AND step_id = 'reassure'`);
    clock.now = movedAt + 86_400_000;
    await workflowCall(server.url, 'pause-resume', { mode: 'resume', reason: 'Back from holiday' });
    await server.worker.drain();
    const reassure = hubspot.tasks.at(-1)!;
    expect(reassure.properties.hs_task_subject).toBe('Share two case histories');
    // Planned 3 days after the move, held for one day: due one day later than planned.
    expect(Date.parse(reassure.properties.hs_timestamp!)).toBe(Number(held!.due_at) + 86_400_000);
    expect(hubspot.notes.at(-1)!.properties.hs_note_body).toContain('Onboarding resumed by HubSpot workflow 777');
  });
});

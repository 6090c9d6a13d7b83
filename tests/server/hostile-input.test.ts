import { describe, expect, it } from 'vitest';
import { postWorkflowAction, executionRequest } from '../../src/cli/post-workflow-action.js';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { sharedServer } from '../support/shared-server.js';
import { PORTAL, PUBLIC_URL, SECRET } from '../support/start-server.js';
import { postAnswer, surveyToken } from '../support/survey.js';
import { newCallbackId, workflowCall } from '../support/workflow-calls.js';

// Input a stranger, a typo or a broken client can send: each refused with a clear 4xx, none reaching the database
// or Object.prototype.
const now = Date.parse('2026-12-07T10:00:00Z'); // Monday 11:00 in Rome
isolateNetwork();

const rig = sharedServer(['42', '50', '51'], now);

const count = async (sql: string) => Number((await rig.server.db.query<{ n: number }>(sql))[0]!.n);
const handoffSave = (values: Record<string, Record<string, string>>) =>
  cardCall(rig.server.url, 'POST', '/api/cards/deals/42/handoff', now, { userId: '1001', body: { requestId: newRequestId(), action: 'save', values } });

describe("JavaScript's built-in names are not values", () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('"%s" is not a remorse type, a channel or a cadence', async (name) => {
    const choices: Record<string, Record<string, string>>[] = [{ fears: { remorse_type: name } }, { channel: { channel: name } }, { channel: { cadence: name } }];
    for (const values of choices) {
      const res = await handoffSave(values);
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe('HANDOFF_BAD_OPTION');
    }
    expect(await count("SELECT count(*)::int AS n FROM handoff_events WHERE deal_id = '42'")).toBe(0);
  });

  it('"constructor" or "toString" as a stage id is an unmapped stage: the phase and its pending steps stay', async () => {
    await deliver(rig.server.url, [stageEvent('50', 'closedwon', now - 60_000)], now);
    await rig.server.worker.drain();
    const pending = () => count("SELECT count(*)::int AS n FROM steps WHERE deal_id = '50' AND status = 'pending'");
    const before = await pending();
    expect(before).toBeGreaterThan(0);

    await deliver(rig.server.url, [stageEvent('50', 'constructor', now - 30_000), stageEvent('50', 'toString', now - 20_000)], now);
    await rig.server.worker.drain();
    expect(await rig.server.db.query("SELECT phase FROM deal_onboarding WHERE deal_id = '50'")).toEqual([{ phase: 'admit' }]);
    expect(await pending()).toBe(before);
    const outcomes = await rig.server.db.query<{ outcome: string }>("SELECT outcome FROM stage_changes WHERE deal_id = '50' AND stage_id <> 'closedwon' ORDER BY id");
    expect(outcomes.map((o) => o.outcome)).toEqual([
      'ignored: stage "constructor" of pipeline "default" is not mapped in the playbook',
      'ignored: stage "toString" of pipeline "default" is not mapped in the playbook',
    ]);
  });
});

describe('text PostgreSQL cannot store is a 400, not a 500 or a 503', () => {
  it('a NUL or a lone surrogate in workflow inputs or in the callbackId', async () => {
    const answers = [
      await workflowCall(rig.server.url, 'move-phase', { phase: 'affirm', reason: 'Remorse\u0000signals' }, { dealId: '51' }),
      await workflowCall(rig.server.url, 'send-survey', { survey_kind: 'NPS', touchpoint: 'Kickoff \ud800' }, { dealId: '51' }),
      await workflowCall(rig.server.url, 'pause-resume', { mode: 'pause' }, { dealId: '51', callbackId: `${newCallbackId()}\u0000` }),
      await workflowCall(rig.server.url, 'pause-resume', { mode: 'pause' }, { dealId: '51', callbackId: `\udc00${newCallbackId()}` }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(answers[0]!.json.error).toMatchObject({ code: 'INVALID_TEXT', message: 'inputFields.reason contains a NUL character; send plain text' });
    expect(answers[1]!.json.error).toMatchObject({ code: 'INVALID_TEXT', message: expect.stringContaining('inputFields.touchpoint contains a lone surrogate') });
    expect(answers[2]!.json.error?.code).toBe('INVALID_TEXT');
    expect(answers[3]!.json.error?.code).toBe('INVALID_TEXT');
    expect(await count("SELECT count(*)::int AS n FROM workflow_calls WHERE deal_id = '51'")).toBe(0);
  });

  it('a NUL in a card body', async () => {
    const res = await cardCall(rig.server.url, 'POST', '/api/cards/deals/42/phase', now, { userId: '2002', body: { requestId: newRequestId(), to: 'activate', reason: 'Kickoff\u0000held' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: 'INVALID_TEXT', message: 'reason contains a NUL character; send plain text' });
  });

  it('a NUL in a survey comment: the form again, saying what to fix', async () => {
    const token = await surveyToken(rig.server, { dealId: '42', survey: 'CSAT', now });
    const res = await postAnswer(rig.server.url, token, { score: '4', comment: 'Good\u0000kickoff' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Your comment contains characters we cannot keep');
    expect(html).toContain('aria-invalid="true"');
    expect(await count('SELECT count(*)::int AS n FROM feedback_answers')).toBe(0);
  });
});

describe('the smaller refusals', () => {
  it.each([
    ['9999-99-99', 'not a date'],
    ['0000-01-01', 'a date 2,000 years ago'],
    ['1000000000000000', 'the year 33658, in milliseconds'],
    ['2040-01-01', 'thirteen years ahead'],
  ])('day_zero %s (%s) is refused with a clear message', async (dayZero) => {
    const { status, json } = await workflowCall(rig.server.url, 'start-onboarding', { day_zero: dayZero }, { dealId: '51' });
    expect(status).toBe(200);
    expect(json.outputFields).toMatchObject({ hs_execution_state: 'FAIL_CONTINUE', errorCode: 'INVALID_INPUT', error_message: expect.stringMatching(/\(day_zero: a date/) });
  });

  it('a survey score of "03" is not 3', async () => {
    const token = await surveyToken(rig.server, { dealId: '42', survey: 'CSAT', now: now + 1 });
    const prefilled = await (await fetch(`${rig.server.url}/feedback/${token}?score=03`)).text();
    expect(prefilled).not.toContain('required checked');
    const res = await postAnswer(rig.server.url, token, { score: '03' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose a score from 1 to 5');
    expect((await postAnswer(rig.server.url, token, { score: '3' })).status).toBe(200);
  });

  it('each route says its own body limit in its 413', async () => {
    const big = 'x'.repeat(70 * 1024);
    const card = await cardCall(rig.server.url, 'POST', '/api/cards/deals/42/handoff', now, { userId: '1001', body: { requestId: newRequestId(), action: 'save', padding: big } });
    const body = executionRequest({ callbackId: newCallbackId(), portalId: PORTAL, workflowId: 1, dealId: '51', inputFields: { phase: 'affirm', reason: big } });
    const workflow = await postWorkflowAction({ serverUrl: rig.server.url, publicBaseUrl: PUBLIC_URL, secret: SECRET, action: 'move-phase', body });
    const unsubscribe = await fetch(`${rig.server.url}/unsubscribe/${'A'.repeat(43)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `x=${'y'.repeat(2048)}` });
    const webhook = await deliver(rig.server.url, JSON.stringify([{ padding: 'x'.repeat(1024 * 1024) }]), now);
    const messages = await Promise.all([card, workflow, unsubscribe, webhook].map(async (r) => [r.status, (await r.json()).error.message.split(';')[0]]));
    expect(messages).toEqual([
      [413, 'the body is over 64 kB'],
      [413, 'the body is over 64 kB'],
      [413, 'the body is over 1 kB'],
      [413, 'the body is over 1 MB'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { sharedServer } from '../support/shared-server.js';
import { newCallbackId, workflowCall } from '../support/workflow-calls.js';

// An idempotency key names one request: the same key again with another body is refused (409), as Stripe's are,
// instead of answering 200 and silently dropping what the second body asked.
const now = Date.parse('2026-12-04T14:00:00Z');
const SALES = { userId: '1001', userEmail: 'rep@acme.example' };
isolateNetwork();

const rig = sharedServer(['42', '43', '44', '45'], now);

const count = async (sql: string) => Number((await rig.server.db.query<{ n: number }>(sql))[0]!.n);

describe('a card requestId used again', () => {
  const save = (requestId: string, goals: string) =>
    cardCall(rig.server.url, 'POST', '/api/cards/deals/42/handoff', now, { ...SALES, body: { requestId, action: 'save', values: { goals: { goals } } } });

  it('with the same body is a repeat: answered as the first, applied once', async () => {
    const requestId = newRequestId();
    expect((await save(requestId, 'Close the books in 3 days')).status).toBe(200);
    const again = await save(requestId, 'Close the books in 3 days');
    expect(again.status).toBe(200);
    expect(await count("SELECT count(*)::int AS n FROM handoff_events WHERE deal_id = '42'")).toBe(1);
  });

  it('with another body is refused 409 with a clear message, and the second body changes nothing', async () => {
    const requestId = newRequestId();
    expect((await save(requestId, 'Cut month-end close to 5 days')).status).toBe(200);
    const reused = await save(requestId, 'Something else entirely');
    expect(reused.status).toBe(409);
    expect((await reused.json()).error).toEqual({
      code: 'REQUEST_ID_REUSED',
      message: 'this requestId came before with another action or body; the card makes a new requestId per action, and a retry sends the same body',
    });
    const view = await (await cardCall(rig.server.url, 'GET', '/api/cards/deals/42/handoff', now, SALES)).json();
    expect(view.items.find((i: { key: string }) => i.key === 'goals').fields[0].value).toBe('Cut month-end close to 5 days');
  });

  it('moving the phase: the same requestId with another reason is refused 409', async () => {
    const requestId = newRequestId();
    const move = (reason: string) => cardCall(rig.server.url, 'POST', '/api/cards/deals/43/phase', now, { userId: '2002', body: { requestId, to: 'activate', reason } });
    expect((await move('Kickoff held on Monday')).status).toBe(200);
    const reused = await move('Kickoff held on Tuesday');
    expect(reused.status).toBe(409);
    expect((await reused.json()).error.code).toBe('REQUEST_ID_REUSED');
    expect(await count("SELECT count(*)::int AS n FROM phase_entries WHERE deal_id = '43'")).toBe(1);
  });
});

describe('a workflow callbackId used again', () => {
  it('with the same inputs gets the first answer; with other inputs, or on another deal, 409 and nothing recorded', async () => {
    const callbackId = newCallbackId();
    const first = await workflowCall(rig.server.url, 'move-phase', { phase: 'affirm', reason: 'Remorse signals on the call' }, { callbackId, dealId: '44' });
    const repeat = await workflowCall(rig.server.url, 'move-phase', { phase: 'affirm', reason: 'Remorse signals on the call' }, { callbackId, dealId: '44' });
    expect([first.status, repeat.status]).toEqual([200, 200]);
    expect(repeat.json.outputFields).toEqual(first.json.outputFields);

    const otherInputs = await workflowCall(rig.server.url, 'move-phase', { phase: 'adopt', reason: 'Remorse signals on the call' }, { callbackId, dealId: '44' });
    const otherDeal = await workflowCall(rig.server.url, 'move-phase', { phase: 'affirm', reason: 'Remorse signals on the call' }, { callbackId, dealId: '45' });
    const otherAction = await workflowCall(rig.server.url, 'pause-resume', { mode: 'pause' }, { callbackId, dealId: '44' });
    for (const reused of [otherInputs, otherDeal, otherAction]) {
      expect(reused.status).toBe(409);
      expect(reused.json.error).toEqual({
        code: 'CALLBACK_ID_REUSED',
        message: 'this callbackId came before with another action, deal or inputs; HubSpot makes a new callbackId for each execution, and a retry sends the same body',
      });
    }
    expect(await rig.server.db.query('SELECT deal_id, action FROM workflow_calls WHERE callback_id = $1', [callbackId])).toEqual([{ deal_id: '44', action: 'move-phase' }]);
    expect(await count(`SELECT count(*)::int AS n FROM steps WHERE kind = 'workflow-action' AND payload->>'callbackId' = '${callbackId}'`)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { clientPageLinkIn, parseMessage } from '../../src/email/outbox-reader.js';
import { recordUnsubscribe } from '../../src/store/unsubscribes.js';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { clientPageServerWithMail } from '../support/client-page.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { PUBLIC_URL } from '../support/start-server.js';
import { onboardDeal } from '../support/survey.js';

const at = Date.parse('2026-12-07T10:00:00Z');
const SUBJECT = 'Your Acme S.p.A. project page';
const onCleanUp = isolateNetwork();

async function setUp() {
  const { hubspot, clock, sink, server } = await clientPageServerWithMail(at, onCleanUp);
  const send = async (dealId = '42', body: Record<string, unknown> = { requestId: newRequestId(), action: 'send' }, extra = {}) => {
    const res = await cardCall(server.url, 'POST', `/api/cards/client-pages/${dealId}?locale=en`, clock.now, { userId: '2002', body, ...extra });
    return { status: res.status, body: (await res.json()) as any };
  };
  const pages = () => sink.messages.filter((m) => parseMessage(m.raw).headers.subject === SUBJECT);
  return { hubspot, server, clock, sink, send, pages };
}

describe('"send the client their page" on the deal card', { timeout: 120_000 }, () => {
  it('emails the primary contact their page once per press, a double click or HubSpot\'s retry included', async () => {
    const { server, clock, send, pages } = await setUp();
    await onboardDeal(server, at, '42', 'activate');
    await server.worker.drain();
    const body = { requestId: newRequestId(), action: 'send' };
    const first = await send('42', body);
    expect(first.status).toBe(200);
    expect(first.body.sent).toEqual({ kind: 'planned', to: { name: 'Anna Verdi', email: 'anna@acme.example' } });
    expect(first.body.activeLinks).toEqual(expect.any(Number)); // the card's view comes with it
    expect((await send('42', body)).body.sent.kind).toBe('already-planned'); // HubSpot's retry: the same request
    clock.now = at + 30_000;
    expect((await send()).body.sent).toEqual({ kind: 'already-planned', to: { name: 'Anna Verdi', email: 'anna@acme.example' } }); // a double click
    await server.worker.drain();
    expect(pages()).toHaveLength(1);
    expect(pages()[0]!.to).toEqual(['anna@acme.example']);
    const text = parseMessage(pages()[0]!.raw).text;
    expect(text).toContain('here is the page of our project together');
    const link = clientPageLinkIn(text)!;
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/c/[A-Za-z0-9_-]{43}$`));
    expect((await fetch(`${server.url}/c/${link.slice(link.lastIndexOf('/') + 1)}`)).status).toBe(200);

    clock.now = at + 3 * 60_000; // a press minutes later is a new one
    expect((await send()).body.sent.kind).toBe('planned');
    await server.worker.drain();
    expect(pages()).toHaveLength(2);
  });

  it('says why nothing is sent to a contact who unsubscribed, and sends nothing', async () => {
    const { server, send, pages } = await setUp();
    await onboardDeal(server, at, '43', 'activate');
    await recordUnsubscribe(server.db, '10', at, 'page');
    const answer = await send('43');
    expect(answer.status).toBe(200);
    expect(answer.body.sent).toEqual({ kind: 'not-sent', reason: 'unsubscribed' });
    await server.worker.drain();
    expect(pages()).toEqual([]);
    expect(await server.db.query("SELECT 1 FROM steps WHERE step_id = 'client-page-send'")).toEqual([]);
  });

  it('refuses unsigned or tampered requests, bad input, an unknown deal and a reused request id', async () => {
    const { server, send } = await setUp();
    await onboardDeal(server, at, '42', 'activate');
    expect((await send('42', { requestId: newRequestId(), action: 'send' }, { signature: null })).status).toBe(401);
    expect((await send('42', { requestId: newRequestId(), action: 'send' }, { tamperBody: (b: string) => b.replace('send', 'copy') })).status).toBe(401);
    const noId = await send('42', { action: 'send' });
    expect(noId.status).toBe(400);
    expect(noId.body.error.code).toBe('INVALID_BODY');
    expect((await send('42', { requestId: newRequestId(), action: 'send', to: 'someone@else.example' })).status).toBe(400);
    expect((await send('4x2')).status).toBe(400);
    expect((await send('999')).status).toBe(404);
    const reused = { requestId: newRequestId(), action: 'send' };
    expect((await send('42', reused)).status).toBe(200);
    expect((await send('43', reused)).status).toBe(409);
    expect(await server.db.query("SELECT deal_id FROM steps WHERE step_id = 'client-page-send'")).toEqual([{ deal_id: '42' }]);
  });
});

import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import { startServer } from '../support/start-server.js';

const now = Date.parse('2026-12-04T14:00:00Z');
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startServer({ clock: () => now });
});
afterAll(async () => {
  await server.cleanUp();
  nock.enableNetConnect();
});

async function storedChanges(): Promise<number> {
  const [row] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stage_changes');
  return Number(row!.n);
}

const won = (dealId: string) => [stageEvent(dealId, 'closedwon', now - 1000)];

describe('POST /webhooks/hubspot: signatures', () => {
  it('stores a correctly signed delivery and answers 200', async () => {
    const before = await storedChanges();
    const res = await deliver(server.url, won('1001'), now);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1, stored: 1, ignored: 0, setAside: 0 });
    expect(await storedChanges()).toBe(before + 1);
  });

  it('accepts unicode in the body, signed over its exact bytes', async () => {
    const body = JSON.stringify([stageEvent('1002', 'closedwon', now - 1000, { sourceId: 'userId:1 — Zoë Città 🚀' })]);
    expect((await deliver(server.url, body, now)).status).toBe(200);
  });

  it.each([
    ['a missing signature', { signature: null }, 'SIGNATURE_MISSING'],
    ['the wrong secret', { secret: 'someone-elses-secret' }, 'SIGNATURE_MISMATCH'],
    ['a body changed after signing', { tamper: (b: string) => b.replace('closedwon', 'closedlost') }, 'SIGNATURE_MISMATCH'],
    ['a timestamp 6 minutes old', { timestamp: now - 6 * 60_000 }, 'SIGNATURE_STALE'],
    ['a timestamp 6 minutes ahead', { timestamp: now + 6 * 60_000 }, 'SIGNATURE_STALE'],
  ])('refuses %s with 401 and stores nothing', async (_case, options, code) => {
    const before = await storedChanges();
    const res = await deliver(server.url, won('1003'), now, options);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe(code);
    expect(await storedChanges()).toBe(before);
  });

  it('refuses a timestamp that is not a number', async () => {
    const raw = JSON.stringify(won('1004'));
    const res = await fetch(`${server.url}/webhooks/hubspot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hubspot-request-timestamp': 'yesterday', 'x-hubspot-signature-v3': 'abc=' },
      body: raw,
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('SIGNATURE_BAD_TIMESTAMP');
  });
});

describe('POST /webhooks/hubspot: bad input', () => {
  it('answers 400 to invalid JSON', async () => {
    const res = await deliver(server.url, '[{"eventId": 1,', now);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_JSON');
  });

  it('answers 400 to an object instead of an array', async () => {
    const res = await deliver(server.url, JSON.stringify(won('1005')[0]), now);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('NOT_AN_ARRAY');
  });

  it('sets aside an event without HubSpot\'s envelope and answers 200 (HubSpot never retries a 400)', async () => {
    const res = await deliver(server.url, [{ hello: 'world' }], now);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1, stored: 0, ignored: 0, setAside: 1 });
  });

  it('answers 413 to a body over 1 MB, and says so', async () => {
    const res = await deliver(server.url, JSON.stringify([{ padding: 'x'.repeat(1024 * 1024) }]), now);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'BODY_TOO_LARGE', message: expect.stringContaining('over 1 MB') });
  });

  it('answers 415 to a content type other than JSON', async () => {
    const res = await deliver(server.url, won('1006'), now, { contentType: 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('acknowledges and ignores unknown kinds, other properties and other portals', async () => {
    const before = await storedChanges();
    const events = [
      { ...stageEvent('1007', 'closedwon', now), subscriptionType: 'contact.creation', propertyName: undefined },
      stageEvent('1008', 'x', now, { propertyName: 'amount' }),
      stageEvent('1009', 'closedwon', now, { portalId: 999 }),
      stageEvent('1010', 'closedwon', now, { subscriptionType: 'object.propertyChange', objectTypeId: '0-1' }),
    ];
    const res = await deliver(server.url, events, now);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 4, stored: 0, ignored: 4, setAside: 0 });
    expect(await storedChanges()).toBe(before);
  });

  it('accepts generic object.propertyChange events on deals', async () => {
    const event = stageEvent('1011', 'closedwon', now, { subscriptionType: 'object.propertyChange', objectTypeId: '0-3' });
    expect(await (await deliver(server.url, [event], now)).json()).toMatchObject({ stored: 1 });
  });
});

describe('health', () => {
  it('answers /healthz (/readyz: tests/server/readiness.test.ts)', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { startServer } from '../support/start-server.js';

const now = Date.parse('2026-12-04T14:00:00Z');
let server: Awaited<ReturnType<typeof startServer>>;
let hubspot: ReturnType<typeof fakeHubSpot>;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  hubspot = fakeHubSpot({ deals: { '42': { properties: { dealname: 'Acme renewal' } } } });
  server = await startServer({ clock: () => now });
});
afterAll(async () => {
  await server.cleanUp();
  hubspot.stop();
  nock.enableNetConnect();
});

const handoffEvents = async () => Number((await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM handoff_events'))[0]!.n);
const save = () => ({ requestId: newRequestId(), action: 'save', values: { goals: { goals: 'Cut month-end close from 10 days to 3' } } });

describe('card API: only signed requests from our portal get through', () => {
  it('answers a correctly signed GET', async () => {
    const res = await cardCall(server.url, 'GET', '/api/cards/deals/42', now);
    expect(res.status).toBe(200);
    expect((await res.json()).dealId).toBe('42');
  });

  it.each([
    ['no signature', { signature: null }, 401, 'SIGNATURE_MISSING'],
    ['the wrong secret', { secret: 'not-our-secret' }, 401, 'SIGNATURE_MISMATCH'],
    ['a timestamp 6 minutes old', { timestamp: now - 6 * 60_000 }, 401, 'SIGNATURE_STALE'],
    ['a timestamp 6 minutes ahead', { timestamp: now + 6 * 60_000 }, 401, 'SIGNATURE_STALE'],
    ['another user swapped into the signed query', { tamperQuery: (q: string) => q.replace('userId=1001', 'userId=1002') }, 401, 'SIGNATURE_MISMATCH'],
    ['another HubSpot account', { portalId: '999' }, 403, 'OTHER_PORTAL'],
  ])('refuses %s and records nothing', async (_case, options, status, code) => {
    const before = await handoffEvents();
    const res = await cardCall(server.url, 'POST', '/api/cards/deals/42/handoff', now, { body: save(), ...options });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await handoffEvents()).toBe(before);
  });

  it('refuses a body changed after signing', async () => {
    const before = await handoffEvents();
    const res = await cardCall(server.url, 'POST', '/api/cards/deals/42/handoff', now, { body: save(), tamperBody: (b) => b.replace('3', '2') });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('SIGNATURE_MISMATCH');
    expect(await handoffEvents()).toBe(before);
  });

  it('refuses a signed request that names no user', async () => {
    const res = await cardCall(server.url, 'GET', '/api/cards/deals/42', now, { userId: '' });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('USER_MISSING');
  });

  it('answers 400 with the field at fault to a malformed body', async () => {
    const res = await cardCall(server.url, 'POST', '/api/cards/deals/42/handoff', now, { body: { action: 'accept', items: ['goals'] } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'INVALID_BODY', message: expect.stringContaining('requestId') });
  });

  it('answers 400 to a record id that is not a HubSpot id', async () => {
    const res = await cardCall(server.url, 'GET', '/api/cards/deals/abc', now);
    expect(res.status).toBe(400);
  });

  it('keeps its answers well under hubspot.fetch\'s 1 MB limit, even for the longest checklist', async () => {
    const long = 'x'.repeat(2000);
    const values = {
      goals: { goals: long },
      success_criteria: { success_criteria: long },
      stakeholders: { stakeholders: long },
      promises: { promises: long },
      fears: { remorse_type: 'capability', fears_notes: long },
      relationship: { relationship: long },
      channel: { channel: 'email', cadence: 'weekly' },
      risks: { risks: long },
      unknowns: { unknowns: long },
      kickoff_date: { kickoff_date: '2026-12-14' },
    };
    const post = (userId: string, body: Record<string, unknown>) =>
      cardCall(server.url, 'POST', '/api/cards/deals/77/handoff', now, { userId, body: { requestId: newRequestId(), ...body } });
    expect((await post('1001', { action: 'submit', values })).status).toBe(200);
    for (const item of Object.keys(values)) {
      for (let i = 0; i < 12; i++) expect((await post('2002', { action: 'ask', item, text: long })).status).toBe(200);
    }
    const res = await cardCall(server.url, 'GET', '/api/cards/deals/77/handoff', now);
    expect(res.status).toBe(200);
    expect((await res.text()).length).toBeLessThan(300_000);
  });
});

import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

const onCleanUp = isolateNetwork();
const HUBSPOT = 'https://api.hubapi.com';

async function setUp(env: Record<string, string> = {}) {
  const clock = { now: Date.parse('2026-12-04T14:00:00Z') };
  const server = await startServer({ clock: () => clock.now, env });
  onCleanUp(async () => {
    await server.cleanUp();
    nock.cleanAll();
  });
  const readyz = async () => {
    const res = await fetch(`${server.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { status: string; database: string; hubspot: { state: string; detail: string; checkedAt?: string } } };
  };
  return { server, clock, readyz };
}

/** HubSpot's answer to the token check, counted. */
function tokenCheck(status: number, body: object = {}) {
  const seen = { calls: 0, authorization: [] as string[] };
  nock(HUBSPOT)
    .persist()
    .get('/crm/v3/objects/deals')
    .query({ limit: '1' })
    .reply(function () {
      seen.calls += 1;
      seen.authorization.push(String(this.req.headers.authorization));
      return [status, body];
    });
  return seen;
}

describe('/readyz', () => {
  it('asks HubSpot whether it takes the token, and asks again only after 30 s', async () => {
    const { clock, readyz } = await setUp();
    const hubspot = tokenCheck(200, { results: [{ id: '1', properties: {} }] });
    const first = await readyz();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      status: 'ready',
      database: 'ok',
      hubspot: { state: 'ok', detail: 'HubSpot accepts the access token', checkedAt: '2026-12-04T14:00:00.000Z' },
    });
    expect(hubspot.authorization).toEqual(['Bearer pat-test-token']);
    clock.now += 29_000;
    await readyz();
    expect(hubspot.calls).toBe(1);
    clock.now += 2_000;
    expect((await readyz()).body.hubspot.checkedAt).toBe('2026-12-04T14:00:31.000Z');
    expect(hubspot.calls).toBe(2);
  });

  it('a token HubSpot refuses: not ready, saying what to do', async () => {
    const { readyz } = await setUp();
    tokenCheck(401, { status: 'error', category: 'INVALID_AUTHENTICATION', message: 'Authentication credentials not found.' });
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'not ready', database: 'ok', hubspot: { state: 'token-refused', detail: expect.stringContaining('HUBSPOT_ACCESS_TOKEN') } });
  });

  it('a token that cannot read deals: not ready', async () => {
    const { readyz } = await setUp();
    tokenCheck(403, { status: 'error', category: 'MISSING_SCOPES', message: 'This app hasn\'t been granted all required scopes to make this call.' });
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.hubspot).toMatchObject({ state: 'missing-scope', detail: expect.stringContaining('crm.objects.deals.read') });
  });

  it('HubSpot not answering: /readyz answers by its 2 s deadline, still ready, since work waits and nothing is lost', async () => {
    const { readyz } = await setUp();
    nock(HUBSPOT).get('/crm/v3/objects/deals').query(true).delay(10_000).reply(200, {});
    const started = Date.now();
    const { status, body } = await readyz();
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(status).toBe(200);
    expect(body.hubspot).toMatchObject({ state: 'unreachable', detail: 'HubSpot did not answer within 2000 ms' });
  });

  it('in dry-run it says so and calls nothing', async () => {
    const { readyz } = await setUp({ HUBSPOT_ACCESS_TOKEN: '', HUBSPOT_CLIENT_SECRET: '', HUBSPOT_PORTAL_ID: '' });
    const hubspot = tokenCheck(200);
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.hubspot).toEqual({ state: 'dry-run', detail: 'no access token: nothing is written to HubSpot' });
    expect(hubspot.calls).toBe(0);
  });
});

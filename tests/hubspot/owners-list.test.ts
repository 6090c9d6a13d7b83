import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotHttp } from '../../src/hubspot/hubspot-http.js';
import { listOwners, readOwners } from '../../src/hubspot/owners.js';

const BASE = 'https://api.hubapi.com';
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function request() {
  return createHubSpotHttp({ accessToken: 'pat-test', apiBaseUrl: BASE, callsPer10s: 100, retry: { attempts: 1, serverErrorDelayMs: 1, rateLimitDelayMs: 1 } });
}

describe('HubSpot\'s owners list', () => {
  it('asks for 500 active owners a page, passes the paging token on, and gives the user id as text', async () => {
    const first = nock(BASE).get('/crm/v3/owners').query({ limit: '500', archived: 'false' }).reply(200, {
      results: [{ id: '201', email: 'giulia@example.com', firstName: 'Giulia', lastName: 'Bianchi', userId: 9201, archived: false, type: 'PERSON' }],
      paging: { next: { after: 'MjAx', link: `${BASE}/crm/v3/owners?after=MjAx` } },
    });
    const page = await listOwners(request());
    expect(page).toEqual({ owners: [{ id: '201', email: 'giulia@example.com', firstName: 'Giulia', lastName: 'Bianchi', userId: '9201', archived: false }], after: 'MjAx' });
    const second = nock(BASE).get('/crm/v3/owners').query({ limit: '500', archived: 'false', after: 'MjAx' }).reply(200, {
      results: [{ id: '301', email: 'queue@example.com', firstName: '', lastName: null, archived: false, type: 'QUEUE' }],
    });
    expect(await listOwners(request(), 'MjAx')).toEqual({ owners: [{ id: '301', email: 'queue@example.com', firstName: null, lastName: null, userId: null, archived: false }] });
    expect(first.isDone() && second.isDone()).toBe(true);
  });

  it('reads one owner by id, leaving out one HubSpot does not know', async () => {
    nock(BASE).get('/crm/v3/owners/201').reply(200, { id: '201', email: 'giulia@example.com', firstName: 'Giulia', lastName: 'Bianchi', userId: 9201 });
    nock(BASE).get('/crm/v3/owners/999').reply(404, { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'not found' });
    const owners = await readOwners(request(), ['201', '999']);
    expect([...owners.values()]).toEqual([{ id: '201', email: 'giulia@example.com', firstName: 'Giulia', lastName: 'Bianchi', userId: '9201', archived: false }]);
  });
});

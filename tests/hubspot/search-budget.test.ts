import { rm } from 'node:fs/promises';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallBudget, type CallKind } from '../../src/hubspot/call-budget.js';
import { createHubSpotHttp } from '../../src/hubspot/hubspot-http.js';
import { searchDealsModifiedSince } from '../../src/hubspot/search-deals.js';
import { openDb, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrations.js';
import { freshDataDir } from '../support/start-server.js';

let db: Db;
let dir: string;
beforeAll(async () => {
  dir = await freshDataDir();
  db = await openDb({ dataDir: dir });
  await migrate(db);
  nock.disableNetConnect();
});
afterAll(async () => {
  nock.cleanAll();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('HubSpot\'s search limit (5 requests per second per account)', () => {
  it('gives each search a quarter-second slot of its own, shared by every replica on the database', async () => {
    const time = { now: Date.parse('2026-12-04T10:00:00.100Z'), slept: [] as number[] };
    const settings = { db, per10s: 250, perDay: 1000, timezone: 'Europe/Rome', now: () => time.now, sleep: async (ms: number) => void (time.slept.push(ms), (time.now += ms)) };
    const replicaA = await createCallBudget(settings);
    const replicaB = await createCallBudget(settings);
    await replicaA('search');
    await replicaB('search'); // same quarter-second: waits for the next one
    await replicaA('call'); // other calls do not wait for search slots
    await replicaA('search');
    await replicaB('search');
    await replicaA('search');
    expect(time.slept).toEqual([150, 250, 250, 250]);
    // The fifth search starts 0.9 s after the first, a sixth would wait until 1.15 s: at most 5 in any rolling second.
    expect(time.now - Date.parse('2026-12-04T10:00:00.100Z')).toBe(900);
  });

  it('is asked for on every search request, and only on those', async () => {
    const kinds: (CallKind | undefined)[] = [];
    const request = createHubSpotHttp({ accessToken: 'pat', apiBaseUrl: 'https://api.hubapi.com', callsPer10s: 250, acquire: async (kind) => void kinds.push(kind) });
    const scope = nock('https://api.hubapi.com')
      .post('/crm/v3/objects/deals/search')
      .reply(200, { total: 1, results: [{ id: '43', properties: { dealstage: 'closedwon' } }], paging: { next: { after: '1' } } })
      .post('/crm/v3/objects/deals/batch/read')
      .reply(200, { results: [] });
    const page = await searchDealsModifiedSince(request, { since: 1796392800000, properties: ['dealstage'], limit: 100 });
    await request('POST', '/crm/v3/objects/deals/batch/read', { inputs: [] });
    expect(page).toEqual({ deals: [{ id: '43', properties: { dealstage: 'closedwon' } }], after: '1' });
    expect(kinds).toEqual(['search', 'call']);
    scope.done();
  });
});

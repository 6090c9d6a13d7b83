import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../src/jobs/schedules/scheduled-job.js';
import type { PortfolioView } from '../../src/server/page-api-types.js';
import { cardCall } from '../support/card-requests.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { fakeOwners, PM_OWNER } from '../support/fake-owners.js';
import { PORTFOLIO_NOW, seedPortfolio } from '../support/portfolio-seed.js';
import { startServer } from '../support/start-server.js';

const now = PORTFOLIO_NOW;
let server: Awaited<ReturnType<typeof startServer>>;
let hubspot: ReturnType<typeof fakeHubSpot>;
const SARA = { id: '202', email: 'sara.conti@example.com', firstName: 'Sara', lastName: 'Conti', userId: 9202 };

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  hubspot = fakeHubSpot({ deals: {} });
  // HubSpot's owners: 201 (user 9201) and 202 (user 9202); 203, PM of two deals, is not an owner HubSpot lists.
  fakeOwners([PM_OWNER, SARA]);
  server = await startServer({ clock: () => now });
  await seedPortfolio(server.db);
  expect(await runTick(server.engine, server.jobs['owners-refresh'], now)).toBe('ran');
});
afterAll(async () => {
  await server.cleanUp();
  hubspot.stop();
  nock.enableNetConnect();
});

const get = async (path: string, userId: string): Promise<PortfolioView> => {
  const res = await cardCall(server.url, 'GET', path, now, { userId });
  expect(res.status).toBe(200);
  return (await res.json()) as PortfolioView;
};
const ids = (view: PortfolioView) => view.deals.map((d) => d.dealId);

describe('portfolio endpoint: "My onboardings"', () => {
  it('keeps the deals whose PM is the signed-in user\'s owner, found by the userId HubSpot signed', async () => {
    const giulia = await get('/api/pages/portfolio?mine=true', '9201');
    expect(ids(giulia)).toEqual(['103', '101']);
    expect(giulia.me).toEqual({ ownerId: '201' });
    expect(giulia.filters.mine).toBe(true);
    expect(giulia.total).toBe(2);
    expect(giulia.chart).toEqual([{ phase: 'activate', health: 'needs_attention', count: 1 }, { phase: 'acclimate', health: 'on_track', count: 1 }]);
    expect(ids(await get('/api/pages/portfolio?mine=true', '9202'))).toEqual(['102', '106']);
  });

  it('shows everyone\'s deals without it, and tells who the user is', async () => {
    const all = await get('/api/pages/portfolio', '9201');
    expect(ids(all)).toEqual(['107', '102', '106', '108', '103', '101']);
    expect(all.me).toEqual({ ownerId: '201' });
    expect(all.filters.mine).toBe(false);
  });

  it('keeps nothing for a user who is not a HubSpot owner first100 stored, and says so', async () => {
    const stranger = await get('/api/pages/portfolio?mine=true', '1001');
    expect(ids(stranger)).toEqual([]);
    expect(stranger.total).toBe(0);
    expect(stranger.me).toEqual({ ownerId: null });
  });

  it('combines with the other filters', async () => {
    expect(ids(await get('/api/pages/portfolio?mine=true&phase=acclimate', '9201'))).toEqual(['101']);
    expect(ids(await get('/api/pages/portfolio?mine=true&pm=202', '9201'))).toEqual([]);
  });

  it('names the PMs from HubSpot\'s owners, for the rows and the PM filter', async () => {
    const view = await get('/api/pages/portfolio', '9201');
    expect(view.pmNames).toEqual({ '201': 'Giulia Bianchi', '202': 'Sara Conti' });
    expect(view.choices.pms).toEqual(['201', '202', '203']);
  });

  it('trusts the userId only as HubSpot signed it, and refuses a mine that is not true or false', async () => {
    const forged = await cardCall(server.url, 'GET', '/api/pages/portfolio?mine=true', now, { userId: '9202', tamperQuery: (q) => q.replace('userId=9202', 'userId=9201') });
    expect(forged.status).toBe(401);
    const bad = await cardCall(server.url, 'GET', '/api/pages/portfolio?mine=yes', now, { userId: '9201' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining('mine') });
  });
});

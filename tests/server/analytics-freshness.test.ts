import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsView } from '../../src/server/page-api-types.js';
import { cardCall } from '../support/card-requests.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { PORTFOLIO_NOW, seedPortfolio } from '../support/portfolio-seed.js';
import { startServer } from '../support/start-server.js';

const MINUTE = 60_000;
let now = PORTFOLIO_NOW;
let server: Awaited<ReturnType<typeof startServer>>;
let hubspot: ReturnType<typeof fakeHubSpot>;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  hubspot = fakeHubSpot({ deals: {} });
  server = await startServer({ clock: () => now });
  await seedPortfolio(server.db);
});
afterAll(async () => {
  await server.cleanUp();
  hubspot.stop();
  nock.enableNetConnect();
});

const analytics = async (): Promise<AnalyticsView> => {
  const res = await cardCall(server.url, 'GET', '/api/pages/analytics?range=90', now);
  expect(res.status).toBe(200);
  return (await res.json()) as AnalyticsView;
};
const askedItems = (view: AnalyticsView) => view.handoff.mostAsked.map((a) => [a.item, a.questions]);

describe('analytics are stored per range and served while fresh', () => {
  it('serves the stored figures for 10 minutes, saying when they were computed, then recomputes them', async () => {
    const first = await analytics();
    expect(first.computed).toEqual({ at: '2026-12-04T14:00:00.000Z', local: '2026-12-04 15:00', timezone: 'Europe/Rome' });
    expect(askedItems(first)).toEqual([['goals', 2], ['risks', 1]]);
    const [row] = await server.db.query<{ computed_at: string }>('SELECT computed_at FROM analytics_figures WHERE range_days = 90');
    expect(Number(row!.computed_at)).toBe(PORTFOLIO_NOW);

    // A question asked back after the figures were computed: the stored figures do not have it yet.
    await server.db.query(`INSERT INTO handoff_events (deal_id, at, actor_user_id, action, items, comment) VALUES ('101', $1, '2002', 'ask', '["risks"]', 'which?')`, [PORTFOLIO_NOW - MINUTE]);
    now = PORTFOLIO_NOW + 9 * MINUTE;
    const stored = await analytics();
    expect(askedItems(stored)).toEqual([['goals', 2], ['risks', 1]]);
    expect(stored.computed.local).toBe('2026-12-04 15:00');

    now = PORTFOLIO_NOW + 11 * MINUTE;
    const recomputed = await analytics();
    expect(askedItems(recomputed)).toEqual([['goals', 2], ['risks', 2]]);
    expect(recomputed.computed).toMatchObject({ at: '2026-12-04T14:11:00.000Z', local: '2026-12-04 15:11' });
    expect(recomputed.to).toBe('2026-12-04');
  });

  it('the scheduled refresh recomputes the ranges someone asked for, once they are 4 minutes old, and only those', async () => {
    const job = server.jobs['analytics-refresh'];
    now = PORTFOLIO_NOW + 14 * MINUTE; // the 90-day figures are 3 minutes old
    expect(await job.run(now)).toEqual({ recomputed: 0, fresh: 1, taken: 0 });
    await server.db.query(`DELETE FROM handoff_events WHERE action = 'ask'`);
    now = PORTFOLIO_NOW + 16 * MINUTE;
    expect(await job.run(now)).toEqual({ recomputed: 1, fresh: 0, taken: 0 });
    expect((await server.db.query('SELECT range_days FROM analytics_figures')).map((r) => Number(r.range_days))).toEqual([90]);
    // A page view right after finds them fresh, without the questions deleted.
    const view = await analytics();
    expect([askedItems(view), view.computed.local]).toEqual([[], '2026-12-04 15:16']);
  });
});

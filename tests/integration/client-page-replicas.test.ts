import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_PAGE_LIMITS } from '../../src/server/client-routes.js';
import { createHubSpotDouble } from '../support/hubspot-double.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';
import { freshPostgresDatabase, POSTGRES_SKIP, POSTGRES_URL } from '../support/postgres.js';
import { spawnServer } from '../support/spawn-server.js';
import { PORTAL, PUBLIC_URL, SECRET } from '../support/start-server.js';

describe.skipIf(!POSTGRES_URL)(`the client page's rate limits on two server processes and one PostgreSQL${POSTGRES_SKIP}`, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  const double = createHubSpotDouble({ per10s: 190 });
  let servers: Awaited<ReturnType<typeof spawnServer>>[] = [];

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    const env = {
      DATABASE_URL: database.url,
      HUBSPOT_ACCESS_TOKEN: 'pat-double',
      HUBSPOT_CLIENT_SECRET: SECRET,
      HUBSPOT_PORTAL_ID: PORTAL,
      PUBLIC_BASE_URL: PUBLIC_URL,
      HUBSPOT_API_BASE_URL: await double.start(),
      PLAYBOOK: SMALL_PLAYBOOK_PATH,
    };
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await double.stop();
    await database?.drop();
  });

  it('counts one link\'s requests across both replicas', async () => {
    const { limit, windowMs } = CLIENT_PAGE_LIMITS.perToken;
    // The limit is a fixed window: start well inside one, so the count is not reset halfway through.
    const left = windowMs - (Date.now() % windowMs);
    if (left < 60_000) await new Promise((r) => setTimeout(r, left + 100));
    const link = `/c/${'R'.repeat(43)}`;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 1; i++) statuses.push((await fetch(`${servers[i % 2]!.url}${link}`)).status);
    // Each replica saw about half of the requests: limited in memory, neither would have refused any.
    expect(statuses.slice(0, limit).every((s) => s === 404)).toBe(true);
    expect(statuses[limit]).toBe(429);
    expect((await fetch(`${servers[0]!.url}${link}`)).status).toBe(429);
    expect((await fetch(`${servers[1]!.url}${link}`)).status).toBe(429);
  }, 180_000);
});

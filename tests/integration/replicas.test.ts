import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotDouble } from '../support/hubspot-double.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';
import { freshPostgresDatabase, POSTGRES_SKIP, POSTGRES_URL } from '../support/postgres.js';
import { spawnServer } from '../support/spawn-server.js';
import { PORTAL, PUBLIC_URL, SECRET } from '../support/start-server.js';

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!POSTGRES_URL)(`two server processes on one PostgreSQL${POSTGRES_SKIP}`, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  const double = createHubSpotDouble({ per10s: 190 });
  let servers: Awaited<ReturnType<typeof spawnServer>>[] = [];

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    const api = await double.start();
    const env = {
      DATABASE_URL: database.url,
      HUBSPOT_ACCESS_TOKEN: 'pat-double',
      HUBSPOT_CLIENT_SECRET: SECRET,
      HUBSPOT_PORTAL_ID: PORTAL,
      PUBLIC_BASE_URL: PUBLIC_URL,
      HUBSPOT_API_BASE_URL: api,
      HUBSPOT_CALLS_PER_10S: '150',
      PLAYBOOK: SMALL_PLAYBOOK_PATH,
    };
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await double.stop();
    await database?.drop();
  });

  it('deliveries and their duplicates spread over both replicas create every task exactly once', async () => {
    const deals = Array.from({ length: 300 }, (_, i) => String(10_000 + i));
    const base = Date.now() - 60_000;
    const deliveries = [];
    for (let i = 0; i < deals.length; i += 50) {
      deliveries.push(deals.slice(i, i + 50).map((id, j) => stageEvent(id, 'closedwon', base + i + j)));
    }
    // Every delivery reaches replica A, and again replica B, concurrently: HubSpot's at-least-once.
    const answers = await Promise.all(deliveries.flatMap((d) => servers.map((s) => deliver(s.url, d, Date.now()))));
    expect(answers.every((a) => a.status === 200)).toBe(true);

    await until(() => double.tasks.length >= 600 && double.dealUpdates.size >= 300, 90_000);
    await new Promise((r) => setTimeout(r, 2000)); // would a duplicate still arrive?
    const markers = double.tasks.map((t) => t.properties.hs_task_body!.match(/first100 ref (\w+)/)![1]);
    expect(double.tasks).toHaveLength(600);
    expect(new Set(markers).size).toBe(600);
    expect(double.calls.filter((c) => c.status === 429)).toHaveLength(0);
    const worked = servers.map((s) => s.logs.filter((l) => l.includes('stage change applied')).length);
    expect(worked.reduce((a, b) => a + b)).toBe(300);
  });
});

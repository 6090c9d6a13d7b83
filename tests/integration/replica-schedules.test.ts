import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotDouble } from '../support/hubspot-double.js';
import { spawnServer } from '../support/spawn-server.js';
import { SCHEDULES_PLAYBOOK_PATH } from '../support/playbook.js';
import { freshPostgresDatabase, POSTGRES_SKIP, POSTGRES_URL } from '../support/postgres.js';
import { PORTAL, PUBLIC_URL, SECRET } from '../support/start-server.js';

const JOBS = ['silent-client-sweep', 'reconciliation-sweep', 'checkpoint-sweep', 'health-sweep', 'client-task-sweep'];
const EVERY_2_SECONDS = '*/2 * * * * *';

interface TickLine {
  msg: string;
  job: string;
  tickAt: string;
}

function tickLines(logs: string[]): TickLine[] {
  return logs.flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as TickLine;
      return parsed.msg?.startsWith('scheduled tick') ? [parsed] : [];
    } catch {
      return [];
    }
  });
}

describe.skipIf(!POSTGRES_URL)(`cron ticks with two server processes on one PostgreSQL${POSTGRES_SKIP}`, () => {
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
      PLAYBOOK: SCHEDULES_PLAYBOOK_PATH,
      LOG_LEVEL: 'debug', // "already taken by another replica" is a debug line
      SCHEDULE_SILENT_SWEEP: EVERY_2_SECONDS,
      SCHEDULE_RECONCILIATION: EVERY_2_SECONDS,
      SCHEDULE_CHECKPOINTS: EVERY_2_SECONDS,
      SCHEDULE_HEALTH_SWEEP: EVERY_2_SECONDS,
      SCHEDULE_CLIENT_TASKS: EVERY_2_SECONDS,
    };
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await double.stop();
    await database?.drop();
  });

  it('runs every tick of every job exactly once, whichever replica claims it', async () => {
    await new Promise((r) => setTimeout(r, 9000));
    await Promise.all(servers.map((s) => s.stop())); // stops the timers and waits for ticks under way

    const perServer = servers.map((s) => tickLines(s.logs));
    const ran = perServer.flat().filter((l) => l.msg === 'scheduled tick ran');
    expect(perServer.flat().filter((l) => l.msg === 'scheduled tick failed')).toEqual([]);
    for (const job of JOBS) {
      const ticks = ran.filter((l) => l.job === job).map((l) => l.tickAt);
      expect(ticks.length, `${job} ran at least twice in 9 s`).toBeGreaterThanOrEqual(2);
      expect(new Set(ticks).size, `${job}: no tick ran twice`).toBe(ticks.length);
    }
    // Both timers fired for the same ticks: one replica ran each, the other found it taken.
    const taken = perServer.map((lines) => new Set(lines.filter((l) => l.msg.includes('already taken')).map((l) => `${l.job} ${l.tickAt}`)));
    const ranBy = perServer.map((lines) => new Set(lines.filter((l) => l.msg === 'scheduled tick ran').map((l) => `${l.job} ${l.tickAt}`)));
    const contested = [...ranBy[0]!].filter((t) => taken[1]!.has(t)).length + [...ranBy[1]!].filter((t) => taken[0]!.has(t)).length;
    expect(contested).toBeGreaterThanOrEqual(JOBS.length);

    // And the claims in the database are exactly the ticks that ran.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const claims = await client.query<{ job: string; tick_at: string }>('SELECT job, tick_at::text FROM cron_ticks ORDER BY job, tick_at');
    await client.end();
    expect(claims.rows.map((r) => `${r.job} ${new Date(Number(r.tick_at)).toISOString()}`).sort()).toEqual(ran.map((l) => `${l.job} ${l.tickAt}`).sort());
  });
});

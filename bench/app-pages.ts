import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrations.js';
import { createHubSpotDouble } from '../tests/support/hubspot-double.js';
import { spawnServer } from '../tests/support/spawn-server.js';
import { BENCH_PORTAL, BENCH_PUBLIC_URL, BENCH_SECRET, percentile } from './bench-server.js';
import { cardCall } from './card-calls.js';
import { seedOnboardings } from './seed-onboardings.js';

export interface EndpointFigures {
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** The largest answer, in bytes (hubspot.fetch takes at most 1 MB). */
  maxBytes: number;
  failures: number;
}

export interface AppPagesResult {
  database: 'pglite' | 'postgres';
  deals: number;
  seedSeconds: number;
  portfolio: EndpointFigures;
  analytics: EndpointFigures;
  /** The first request of each analytics range, which finds nothing stored and computes the figures (what the refresh pays). */
  analyticsComputeMs: number[];
}

/** What the portfolio is asked, in turn: the home page, each filter, a later page, the largest page there is. */
const PORTFOLIO_QUERIES = ['locale=en', 'pm=5003', 'phase=activate', 'health=at_risk', 'pipeline=renewals', 'start=400', 'size=200', 'pm=5007&phase=acclimate'];
const ANALYTICS_QUERIES = ['range=30', 'range=90', 'range=365'];

/**
 * The app pages' endpoints over a store holding `deals` onboardings (seeded straight into the store, see
 * seed-onboardings.ts), on the real server in its own process, on PGlite or on the PostgreSQL `databaseUrl` names: each endpoint asked `requests` times, one request at
 * a time, signed as hubspot.fetch signs it, after a few warm-up requests. The analytics warm-up (one request per
 * range) finds no stored figures and computes them: those times are reported apart, the measured requests are served
 * the stored figures, as page views are between refreshes.
 */
export async function benchAppPages(o: { deals: number; requests: number; playbook: string; databaseUrl?: string }): Promise<AppPagesResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'first100-bench-pages-'));
  const double = createHubSpotDouble();
  try {
    const started = performance.now();
    const db = await openDb({ dataDir, databaseUrl: o.databaseUrl });
    await migrate(db);
    await seedOnboardings(db, o.deals, Date.now());
    await db.close();
    const seedSeconds = (performance.now() - started) / 1000;
    const server = await spawnServer({
      HUBSPOT_ACCESS_TOKEN: 'pat-bench',
      HUBSPOT_CLIENT_SECRET: BENCH_SECRET,
      HUBSPOT_PORTAL_ID: BENCH_PORTAL,
      PUBLIC_BASE_URL: BENCH_PUBLIC_URL,
      HUBSPOT_API_BASE_URL: await double.start(),
      DATA_DIR: dataDir,
      PLAYBOOK: o.playbook,
      LOG_LEVEL: 'warn',
      ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
    });
    try {
      const warmUpMs: number[] = [];
      const measure = async (base: string, queries: string[]): Promise<EndpointFigures> => {
        warmUpMs.length = 0;
        for (const q of queries) {
          const warm = await cardCall(server.url, 'GET', `${base}?${q}`);
          if (warm.status !== 200) throw new Error(`${base}?${q} answered ${warm.status}: ${warm.text.slice(0, 500)}`);
          warmUpMs.push(warm.ms);
        }
        const ms: number[] = [];
        let maxBytes = 0;
        let failures = 0;
        for (let i = 0; i < o.requests; i++) {
          const res = await cardCall(server.url, 'GET', `${base}?${queries[i % queries.length]}`);
          if (res.status !== 200) failures += 1;
          ms.push(res.ms);
          maxBytes = Math.max(maxBytes, Buffer.byteLength(res.text));
        }
        ms.sort((a, b) => a - b);
        return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1)!, maxBytes, failures };
      };
      const portfolio = await measure('/api/pages/portfolio', PORTFOLIO_QUERIES);
      const analytics = await measure('/api/pages/analytics', ANALYTICS_QUERIES);
      return { database: o.databaseUrl ? 'postgres' : 'pglite', deals: o.deals, seedSeconds, portfolio, analytics, analyticsComputeMs: [...warmUpMs] };
    } finally {
      await server.stop();
    }
  } finally {
    await double.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postSignedDelivery } from '../src/cli/post-signed-delivery.js';
import { spawnServer, type SpawnedServer } from '../tests/support/spawn-server.js';

export const BENCH_SECRET = 'bench-client-secret';
export const BENCH_PUBLIC_URL = 'https://first100.bench.invalid';
export const BENCH_PORTAL = '777';

export interface BenchServer extends SpawnedServer {
  send(events: unknown[]): Promise<{ status: number; ms: number; stored: number }>;
  close(): Promise<void>;
}

/**
 * The real server in its own process (as deployed), against the HubSpot double; PGlite in a temp dir unless a
 * database URL is given.
 */
export async function startBenchServer(o: { apiBaseUrl: string; databaseUrl?: string; per10s: number; playbook: string; env?: Record<string, string> }): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'first100-bench-'));
  const server = await spawnServer({
    HUBSPOT_ACCESS_TOKEN: 'pat-bench',
    HUBSPOT_CLIENT_SECRET: BENCH_SECRET,
    HUBSPOT_PORTAL_ID: BENCH_PORTAL,
    PUBLIC_BASE_URL: BENCH_PUBLIC_URL,
    HUBSPOT_API_BASE_URL: o.apiBaseUrl,
    HUBSPOT_CALLS_PER_10S: String(o.per10s),
    DATA_DIR: dataDir,
    PLAYBOOK: o.playbook,
    LOG_LEVEL: 'info',
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
    ...o.env,
  });
  return {
    ...server,
    async send(events) {
      const started = performance.now();
      const res = await postSignedDelivery({
        serverUrl: server.url,
        publicBaseUrl: BENCH_PUBLIC_URL,
        secret: BENCH_SECRET,
        body: JSON.stringify(events),
        timestamp: Date.now(),
      });
      const answer = (await res.json()) as { stored?: number };
      return { status: res.status, ms: performance.now() - started, stored: answer.stored ?? 0 };
    },
    async close() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let nextEventId = 1;

export function wonEvent(dealId: number, occurredAt: number) {
  return {
    eventId: nextEventId++,
    subscriptionId: 1,
    portalId: Number(BENCH_PORTAL),
    appId: 1,
    occurredAt,
    subscriptionType: 'deal.propertyChange',
    attemptNumber: 0,
    objectId: dealId,
    propertyName: 'dealstage',
    propertyValue: 'closedwon',
    changeSource: 'CRM_UI',
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

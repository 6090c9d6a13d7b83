// npm run bench: every figure BENCHMARKS.md records, measured in one run on this machine.
import { readFileSync } from 'node:fs';
import { parsePlaybook } from '../src/domain/playbook-loader.js';
import { benchBurst } from './burst.js';
import { benchCardApi } from './card-api.js';
import { createHubSpotDouble } from '../tests/support/hubspot-double.js';
import { benchIngest } from './ingest.js';
import { benchNaive } from './naive-baseline.js';

const playbookPath = process.env.PLAYBOOK ?? 'playbooks/default.en.yml';
const postgresUrl = process.env.FIRST100_BENCH_DATABASE_URL ?? process.env.FIRST100_TEST_DATABASE_URL;
const tasksPerDeal = parsePlaybook(readFileSync(playbookPath, 'utf8'), playbookPath).phases.admit?.tasks.length ?? 0;
const HUBSPOT_PER_10S = 100; // Free/Starter: the tightest tier
const SHARE = 90;
const LATENCY_MS = 40;

const line = (s: string) => process.stdout.write(`${s}\n`);
const fixed = (n: number, d = 1) => n.toFixed(d);

line(`first100 benchmark — ${new Date().toISOString()} — node ${process.version}, playbook ${playbookPath} (${tasksPerDeal} admit tasks per deal)`);

const double = createHubSpotDouble();
const apiBaseUrl = await double.start();
const ingest = [await benchIngest({ apiBaseUrl, playbook: playbookPath, deliveriesPerSender: 30 })];
if (postgresUrl) ingest.push(await benchIngest({ apiBaseUrl, databaseUrl: await freshDatabase(postgresUrl), playbook: playbookPath, deliveriesPerSender: 30 }));
else line('PostgreSQL ingest skipped: set FIRST100_BENCH_DATABASE_URL');
await double.stop();
for (const r of ingest) {
  line(
    `ingest ${r.database}: ${r.deliveries} deliveries × 100 events from 10 senders in ${fixed(r.seconds, 2)} s: ${fixed(r.eventsPerSecond, 0)} events/s stored; ` +
      `ack p50 ${fixed(r.ackP50)} ms, p99 ${fixed(r.ackP99)} ms; non-200: ${r.failures}; server peak RSS ${fixed(r.peakRssMb, 0)} MB`,
  );
}

const burst = await benchBurst({ deals: 1000, hubspotPer10s: HUBSPOT_PER_10S, share: SHARE, playbook: playbookPath, tasksPerDeal, latencyMs: LATENCY_MS });
line(
  `burst: ${burst.deals} deals won at once → ${burst.tasks} tasks; ${burst.calls} HubSpot calls = ${fixed(burst.callsPerDeal, 3)} per deal; ` +
    `429s ${burst.responses429} (${fixed((100 * burst.responses429) / burst.calls, 2)} %); drained in ${fixed(burst.drainSeconds)} s vs budget minimum ${fixed(burst.budgetMinimumSeconds)} s ` +
    `(${fixed(burst.drainSeconds / burst.budgetMinimumSeconds, 2)}×); server peak RSS ${fixed(burst.peakRssMb, 0)} MB`,
);

const naive = await benchNaive({ deals: 30, hubspotPer10s: HUBSPOT_PER_10S, share: SHARE, tasksPerDeal, latencyMs: LATENCY_MS });
const projected = (naive.callsPerDeal * burst.deals) / Math.floor(SHARE / 10);
line(
  `naive baseline (one call per object): ${naive.deals} deals, ${naive.calls} calls = ${fixed(naive.callsPerDeal, 2)} per deal, 429s ${naive.responses429}, ${fixed(naive.seconds)} s; ` +
    `for ${burst.deals} deals: ${fixed(naive.callsPerDeal * burst.deals, 0)} calls, ≥ ${fixed(projected, 0)} s at the same share (${fixed(projected / burst.drainSeconds, 0)}× first100's drain)`,
);

// Cards opened 3 times a second, a third each deal, handoff and company card; HubSpot share 90 calls / 10 s.
const cards = await benchCardApi({ deals: 50, requests: 120, perSecond: 3, per10s: SHARE, playbook: playbookPath, latencyMs: LATENCY_MS });
line(
  `card API: ${cards.requests} signed GETs at ${cards.perSecond}/s, non-200: ${cards.failures}; ` +
    Object.entries(cards.latency)
      .map(([name, l]) => `${name} p50 ${fixed(l.p50)} ms, p95 ${fixed(l.p95)} ms`)
      .join('; '),
);

async function freshDatabase(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `first100_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

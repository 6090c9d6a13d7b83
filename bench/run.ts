// npm run bench: every figure BENCHMARKS.md records, measured in one run on this machine.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parsePlaybook } from '../src/domain/playbook-loader.js';
import { benchAppPages } from './app-pages.js';
import { benchBurst } from './burst.js';
import { benchCardApi, type CardRun } from './card-api.js';
import { benchClientPage } from './client-page.js';
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
/** `npm run bench -- cards` runs only the named parts (ingest, burst, naive, cards, pages, client); no names: all of them. */
const PARTS = ['ingest', 'burst', 'naive', 'cards', 'pages', 'client'];
const asked = process.argv.slice(2);
for (const part of asked) if (!PARTS.includes(part)) throw new Error(`unknown benchmark part "${part}": choose from ${PARTS.join(', ')}`);
const parts = new Set(asked.length > 0 ? asked : PARTS);
const fixed = (n: number, d = 1) => n.toFixed(d);

/** The machine's 1-minute load average: the figures are only comparable between runs on a similarly loaded machine. */
const load = () => `load average ${fixed(loadavg()[0]!, 2)}`;

line(`first100 benchmark — ${new Date().toISOString()} — node ${process.version}, playbook ${playbookPath} (${tasksPerDeal} admit tasks per deal); ${load()}`);

if (parts.has('ingest')) {
  // The double answers at once here: the acknowledgement does not wait for HubSpot, only the worker behind it does.
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
}

let burstDrainSeconds: number | undefined;
if (parts.has('burst')) {
  const burst = await benchBurst({ deals: 1000, hubspotPer10s: HUBSPOT_PER_10S, share: SHARE, playbook: playbookPath, tasksPerDeal, latencyMs: LATENCY_MS });
  burstDrainSeconds = burst.drainSeconds;
  line(
    `burst: ${burst.deals} deals won at once → ${burst.tasks} tasks; ${burst.calls} HubSpot calls = ${fixed(burst.callsPerDeal, 3)} per deal; ` +
      `429s ${burst.responses429} (${fixed((100 * burst.responses429) / burst.calls, 2)} %); drained in ${fixed(burst.drainSeconds)} s vs budget minimum ${fixed(burst.budgetMinimumSeconds)} s ` +
      `(${fixed(burst.drainSeconds / burst.budgetMinimumSeconds, 2)}×); server peak RSS ${fixed(burst.peakRssMb, 0)} MB`,
  );
}

if (parts.has('naive')) {
  // Its calls per deal are fixed by its code (4 reads, one create per task, one update); only its time is measured.
  const naive = await benchNaive({ deals: 30, hubspotPer10s: HUBSPOT_PER_10S, share: SHARE, tasksPerDeal, latencyMs: LATENCY_MS });
  const projected = (naive.callsPerDeal * 1000) / Math.floor(SHARE / 10);
  line(
    `naive baseline (one call per object): ${naive.deals} deals, ${naive.calls} calls = ${fixed(naive.callsPerDeal, 2)} per deal, 429s ${naive.responses429}, ${fixed(naive.seconds)} s; ` +
      `for 1000 deals: ${fixed(naive.callsPerDeal * 1000, 0)} calls, ≥ ${fixed(projected, 0)} s at the same share` +
      (burstDrainSeconds === undefined ? '' : ` (${fixed(projected / burstDrainSeconds, 0)}× first100's drain)`),
  );
}

if (parts.has('cards')) {
  // Cards opened 3 times a second, a third each deal, handoff (filled) and company card; then again while three bursts drain.
  const cards = await benchCardApi({
    deals: 50, requests: 120, perSecond: 3, hubspotPer10s: HUBSPOT_PER_10S, share: SHARE, playbook: playbookPath, latencyMs: LATENCY_MS,
    burstDeals: 1000, bursts: 3, tasksPerDeal,
  });
  const figures = (run: CardRun) =>
    Object.entries(run.latency).map(([name, l]) => `${name} p50 ${fixed(l.p50)} ms, p95 ${fixed(l.p95)} ms (n ${l.n})`).join('; ');
  line(`card API, quiet: ${cards.quiet.requests} signed GETs at ${cards.quiet.perSecond}/s, non-200: ${cards.quiet.failures}; ${figures(cards.quiet)}`);
  line(`card API, one at a time (fastest of 30): ${Object.entries(cards.floorMs).map(([name, ms]) => `${name} ${fixed(ms)} ms`).join(', ')}`);
  line(
    `card API, during ${cards.burst.drainSeconds.length} bursts of ${cards.burst.deals} deals, one after the other (drained in ${cards.burst.drainSeconds.map((d) => fixed(d)).join(', ')} s): ` +
      `${cards.burst.requests} signed GETs at ${cards.burst.perSecond}/s, ` +
      `non-200: ${cards.burst.failures}; ${figures(cards.burst)}; ${load()} at the end`,
  );
}

if (parts.has('client')) {
  // The client's page with 1,000 onboardings in the store: 100 clients open their pages 20 times a second.
  const page = await benchClientPage({
    deals: 1000, clients: 100, requests: 600, perSecond: 20, hubspotPer10s: HUBSPOT_PER_10S, share: SHARE, playbook: playbookPath, latencyMs: LATENCY_MS, tasksPerDeal,
  });
  line(
    `client page: ${page.deals} onboardings in the store, ${page.requests} GET /c/<token> at ${page.perSecond}/s from 100 clients, non-200: ${page.failures}; ` +
      `p50 ${fixed(page.p50)} ms, p95 ${fixed(page.p95)} ms; one at a time (fastest of 30) ${fixed(page.floorMs)} ms; ${load()}`,
  );
}

if (parts.has('pages')) {
  // The app pages over 10,000 onboardings: target p95 ≤ 150 ms each, answers under hubspot.fetch's 1 MB.
  const runs = [await benchAppPages({ deals: 10_000, requests: 100, playbook: playbookPath })];
  if (postgresUrl) runs.push(await benchAppPages({ deals: 10_000, requests: 100, playbook: playbookPath, databaseUrl: await freshDatabase(postgresUrl) }));
  else line('PostgreSQL app pages skipped: set FIRST100_BENCH_DATABASE_URL');
  const figures = (f: { n: number; p50: number; p95: number; max: number; maxBytes: number; failures: number }) =>
    `p50 ${fixed(f.p50)} ms, p95 ${fixed(f.p95)} ms, max ${fixed(f.max)} ms (n ${f.n}, one at a time), largest answer ${fixed(f.maxBytes / 1024, 0)} KiB, non-200: ${f.failures}`;
  for (const pages of runs) {
    line(
      `app pages ${pages.database}, ${pages.deals} onboardings (seeded in ${fixed(pages.seedSeconds)} s): portfolio ${figures(pages.portfolio)}; ` +
        `analytics (stored figures) ${figures(pages.analytics)}; computing the analytics of 30/90/365 days (first request each): ` +
        `${pages.analyticsComputeMs.map((ms) => fixed(ms)).join(' / ')} ms; ${load()}`,
    );
  }
}

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

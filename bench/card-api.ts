import { percentile, startBenchServer, wonEvent, type BenchServer } from './bench-server.js';
import { cardCall, fillHandoff } from './card-calls.js';
import { createHubSpotDouble } from '../tests/support/hubspot-double.js';

export interface CardRun {
  requests: number;
  perSecond: number;
  failures: number;
  /** Per card and for all requests together, in ms, with how many requests each figure is over. */
  latency: Record<string, { p50: number; p95: number; n: number }>;
}

export interface CardApiResult {
  quiet: CardRun;
  /** The fastest of 30 of each card opened one at a time after the quiet run: the card's own cost, without queueing. */
  floorMs: Record<string, number>;
  /** The same cards opened while bursts of deals won at once drain, one burst after the other; figures over all. */
  burst: CardRun & { deals: number; drainSeconds: number[] };
}

export interface CardApiOptions {
  deals: number;
  requests: number;
  perSecond: number;
  /** HubSpot's 10-second limit in the double, and first100's share of it. */
  hubspotPer10s: number;
  share: number;
  playbook: string;
  latencyMs: number;
  burstDeals: number;
  /** Bursts one after the other, so the burst figures are over more requests than one drain gives at `perSecond`. */
  bursts: number;
  tasksPerDeal: number;
}

/**
 * The cards' backend as people use it: cards opened at a steady `perSecond` (open loop, so a slow answer does not
 * slow the arrivals), each a GET signed as hubspot.fetch signs it, a third each to the deal card, the handoff card
 * and the company card of deals that went through onboarding and whose handoff checklists sales and the PM filled.
 * First on a quiet server, then again from the moment `burstDeals` deals are won at once until the burst has drained,
 * `bursts` times.
 */
export async function benchCardApi(o: CardApiOptions): Promise<CardApiResult> {
  const double = createHubSpotDouble({ per10s: o.hubspotPer10s, latencyMs: o.latencyMs });
  const server = await startBenchServer({ apiBaseUrl: await double.start(), per10s: o.share, playbook: o.playbook });
  try {
    const dealIds = Array.from({ length: o.deals }, (_, i) => 3_000_000 + i);
    await server.send(dealIds.map((id, i) => wonEvent(id, Date.now() - 10_000 + i)));
    await waitFor(() => double.dealUpdates.size >= o.deals, 'the card benchmark\'s deals did not finish onboarding');
    for (const id of dealIds) await fillHandoff(server.url, id);
    await quietDown(double.calls);

    const quietTimings = newTimings();
    await openCards(server, dealIds, o.perSecond, { requests: o.requests }, quietTimings);
    const quiet = summarize(quietTimings, o.perSecond);
    const floorMs: Record<string, number> = {};
    for (const [name, path] of Object.entries(ENDPOINTS)) {
      const ms: number[] = [];
      for (const id of dealIds.slice(0, 30)) ms.push((await cardCall(server.url, 'GET', path(id))).ms);
      floorMs[name] = Math.min(...ms);
    }

    const duringBursts: Timings = newTimings();
    const drainSeconds: number[] = [];
    for (let b = 0; b < o.bursts; b++) {
      const tasksBefore = double.tasks.length;
      const updatesBefore = double.dealUpdates.size;
      const drained = () => double.tasks.length - tasksBefore >= o.burstDeals * o.tasksPerDeal && double.dealUpdates.size - updatesBefore >= o.burstDeals;
      const started = performance.now();
      const now = Date.now();
      const deliveries = [];
      for (let i = 0; i < o.burstDeals; i += 100) {
        const first = 2_000_000 + b * o.burstDeals + i;
        deliveries.push(Array.from({ length: Math.min(100, o.burstDeals - i) }, (_, k) => wonEvent(first + k, now - 10_000 + i + k)));
      }
      await Promise.all([openCards(server, dealIds, o.perSecond, { until: drained }, duringBursts), ...deliveries.map((d) => server.send(d))]);
      await waitFor(drained, 'the burst did not drain');
      drainSeconds.push((performance.now() - started) / 1000);
    }
    return { quiet, floorMs, burst: { ...summarize(duringBursts, o.perSecond), deals: o.burstDeals, drainSeconds } };
  } finally {
    await server.close();
    await double.stop();
  }
}

const ENDPOINTS = {
  'deal card': (id: number) => `/api/cards/deals/${id}`,
  'handoff card': (id: number) => `/api/cards/deals/${id}/handoff`,
  // The double makes 7,000,000 + N the company of deal N.
  'company card': (id: number) => `/api/cards/companies/${7_000_000 + id}`,
};

type CardName = keyof typeof ENDPOINTS;
/** Each request's time in ms, per card, and how many did not answer 200. */
interface Timings {
  ms: Record<CardName, number[]>;
  failures: number;
}

function newTimings(): Timings {
  return { ms: { 'deal card': [], 'handoff card': [], 'company card': [] }, failures: 0 };
}

/** Opens cards at a steady pace, `requests` of them or until `until` holds, adding every request's time to `into`. */
async function openCards(server: BenchServer, dealIds: number[], perSecond: number, stop: { requests?: number; until?: () => boolean }, into: Timings): Promise<void> {
  const names = Object.keys(ENDPOINTS) as CardName[];
  const calls: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; stop.requests === undefined ? !stop.until!() : i < stop.requests; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const name = names[i % names.length]!;
    const path = ENDPOINTS[name](dealIds[i % dealIds.length]!);
    calls.push(
      cardCall(server.url, 'GET', path).then(({ status, ms }) => {
        if (status !== 200) into.failures += 1;
        into.ms[name].push(ms);
      }),
    );
  }
  await Promise.all(calls);
}

function summarize(t: Timings, perSecond: number): CardRun {
  const all = Object.values(t.ms).flat();
  const latency = Object.fromEntries(
    Object.entries({ ...t.ms, all }).map(([name, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return [name, { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length }];
    }),
  );
  return { requests: all.length, perSecond, failures: t.failures, latency };
}

async function waitFor(done: () => boolean, failure: string, limitMs = 600_000): Promise<void> {
  for (const started = Date.now(); !done(); ) {
    if (Date.now() - started > limitMs) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the worker has sent HubSpot everything the handoffs planned: no call for two seconds. */
async function quietDown(calls: { at: number }[]): Promise<void> {
  await waitFor(() => calls.length > 0 && Date.now() - calls.at(-1)!.at > 2000, 'the worker did not settle after the handoffs');
}

import { signV3 } from '../src/hubspot/signature.js';
import { BENCH_PORTAL, BENCH_PUBLIC_URL, BENCH_SECRET, percentile, startBenchServer, wonEvent } from './bench-server.js';
import { createHubSpotDouble } from '../tests/support/hubspot-double.js';

export interface CardApiResult {
  requests: number;
  perSecond: number;
  failures: number;
  /** Per endpoint and for all requests together, in ms. */
  latency: Record<string, { p50: number; p95: number }>;
}

/**
 * The cards' backend as people use it: cards opened at a steady `perSecond` (open loop, so a slow answer does not
 * slow the arrivals), each a GET signed as hubspot.fetch signs it, over deals that went through onboarding.
 * The deal and company cards also read HubSpot (the double, with its latency) through the call budget.
 */
export async function benchCardApi(o: { deals: number; requests: number; perSecond: number; per10s: number; playbook: string; latencyMs: number }): Promise<CardApiResult> {
  const double = createHubSpotDouble({ latencyMs: o.latencyMs });
  const server = await startBenchServer({ apiBaseUrl: await double.start(), per10s: o.per10s, playbook: o.playbook });
  try {
    const dealIds = Array.from({ length: o.deals }, (_, i) => 3_000_000 + i);
    await server.send(dealIds.map((id, i) => wonEvent(id, Date.now() - 10_000 + i)));
    for (const started = Date.now(); double.dealUpdates.size < o.deals; ) {
      if (Date.now() - started > 120_000) throw new Error('the card benchmark\'s deals did not finish onboarding');
      await new Promise((r) => setTimeout(r, 50));
    }
    const endpoints = {
      'deal card': (id: number) => `/api/cards/deals/${id}`,
      'handoff card': (id: number) => `/api/cards/deals/${id}/handoff`,
      'company card': (id: number) => `/api/cards/companies/${7_000_000 + id}`,
    };
    const names = Object.keys(endpoints) as (keyof typeof endpoints)[];
    const timings: Record<string, number[]> = Object.fromEntries([...names, 'all'].map((n) => [n, []]));
    let failures = 0;
    const calls: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < o.requests; i++) {
      const wait = started + (i * 1000) / o.perSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const name = names[i % names.length]!;
      const path = endpoints[name](dealIds[i % dealIds.length]!);
      calls.push(
        signedGet(server.url, path).then(({ status, ms }) => {
          if (status !== 200) failures += 1;
          timings[name]!.push(ms);
          timings.all!.push(ms);
        }),
      );
    }
    await Promise.all(calls);
    const latency = Object.fromEntries(
      Object.entries(timings).map(([name, ms]) => {
        const sorted = [...ms].sort((a, b) => a - b);
        return [name, { p50: percentile(sorted, 50), p95: percentile(sorted, 95) }];
      }),
    );
    return { requests: o.requests, perSecond: o.perSecond, failures, latency };
  } finally {
    await server.close();
    await double.stop();
  }
}

/** A GET as hubspot.fetch sends it: user and account appended to the URL, v3 signature over the public URL. */
async function signedGet(serverUrl: string, path: string): Promise<{ status: number; ms: number }> {
  const query = `?${new URLSearchParams({ userId: '1001', portalId: BENCH_PORTAL, userEmail: 'rep@bench.invalid', appId: '1' })}`;
  const timestamp = String(Date.now());
  const signature = signV3(BENCH_SECRET, 'GET', `${BENCH_PUBLIC_URL}${path}${query}`, '', timestamp);
  const t = performance.now();
  const res = await fetch(`${serverUrl}${path}${query}`, { headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp } });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t };
}

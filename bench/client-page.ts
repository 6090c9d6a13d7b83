import { percentile, startBenchServer, wonEvent } from './bench-server.js';
import { cardCall, PM } from './card-calls.js';
import { createHubSpotDouble } from '../tests/support/hubspot-double.js';

export interface ClientPageOptions {
  /** Onboardings in the store. */
  deals: number;
  /** Clients with a link, each opening their page from their own address. */
  clients: number;
  requests: number;
  perSecond: number;
  hubspotPer10s: number;
  share: number;
  playbook: string;
  latencyMs: number;
  tasksPerDeal: number;
}

export interface ClientPageResult {
  deals: number;
  requests: number;
  perSecond: number;
  failures: number;
  p50: number;
  p95: number;
  /** The fastest of 30 pages opened one at a time: the page's own cost, without queueing. */
  floorMs: number;
}

/**
 * The client's page as clients open it: `deals` deals won and onboarded (their HubSpot work drained), a link copied
 * from the deal card for `clients` of them, then `requests` page loads at a steady `perSecond` (open loop), each
 * client from their own address (behind a proxy first100 trusts), as the page's per-address limit expects.
 */
export async function benchClientPage(o: ClientPageOptions): Promise<ClientPageResult> {
  const double = createHubSpotDouble({ per10s: o.hubspotPer10s, latencyMs: o.latencyMs });
  const server = await startBenchServer({ apiBaseUrl: await double.start(), per10s: o.share, playbook: o.playbook, env: { TRUST_PROXY: 'loopback' } });
  try {
    const dealIds = Array.from({ length: o.deals }, (_, i) => 4_000_000 + i);
    const now = Date.now();
    for (let i = 0; i < dealIds.length; i += 100) await server.send(dealIds.slice(i, i + 100).map((id, k) => wonEvent(id, now - 10_000 + i + k)));
    await waitFor(() => double.dealUpdates.size >= o.deals && double.tasks.length >= o.deals * o.tasksPerDeal, 'the onboardings did not drain');
    const links: string[] = [];
    for (const id of dealIds.slice(0, o.clients)) {
      const copied = await cardCall(server.url, 'POST', `/api/cards/client-pages/${id}`, PM, { requestId: `bench-link-${id}`, action: 'copy' });
      if (copied.status !== 200) throw new Error(`copying the client link of deal ${id} answered ${copied.status}: ${copied.text}`);
      links.push(new URL((JSON.parse(copied.text) as { link: { url: string } }).link.url).pathname);
    }
    const open = async (i: number) => {
      const started = performance.now();
      const res = await fetch(`${server.url}${links[i % links.length]}`, { headers: { 'x-forwarded-for': `10.1.${Math.floor(i % links.length / 250)}.${i % 250}` } });
      await res.text();
      return { status: res.status, ms: performance.now() - started };
    };
    const floor: number[] = [];
    for (let i = 0; i < 30; i++) floor.push((await open(i)).ms);
    const timings: number[] = [];
    let failures = 0;
    const calls: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < o.requests; i++) {
      const wait = started + (i * 1000) / o.perSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      calls.push(open(i).then(({ status, ms }) => {
        if (status !== 200) failures += 1;
        timings.push(ms);
      }));
    }
    await Promise.all(calls);
    const sorted = timings.sort((a, b) => a - b);
    return { deals: o.deals, requests: sorted.length, perSecond: o.perSecond, failures, p50: percentile(sorted, 50), p95: percentile(sorted, 95), floorMs: Math.min(...floor) };
  } finally {
    await server.close();
    await double.stop();
  }
}

async function waitFor(done: () => boolean, failure: string, limitMs = 900_000): Promise<void> {
  for (const started = Date.now(); !done(); ) {
    if (Date.now() - started > limitMs) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 100));
  }
}

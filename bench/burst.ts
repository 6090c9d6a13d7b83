import { createHubSpotDouble } from '../tests/support/hubspot-double.js';
import { startBenchServer, wonEvent } from './bench-server.js';

export interface BurstResult {
  deals: number;
  tasks: number;
  calls: number;
  callsPerDeal: number;
  responses429: number;
  drainSeconds: number;
  budgetMinimumSeconds: number;
  peakRssMb: number;
}

/**
 * 1,000 deals won at once (ten 100-event deliveries sent together) against a double that enforces
 * HubSpot's 10-second limit; first100 may use `share` calls per 10 s. Time until every task and deal update is in.
 */
export async function benchBurst(o: { deals: number; hubspotPer10s: number; share: number; playbook: string; tasksPerDeal: number; latencyMs: number }): Promise<BurstResult> {
  const double = createHubSpotDouble({ per10s: o.hubspotPer10s, latencyMs: o.latencyMs });
  const apiBaseUrl = await double.start();
  const server = await startBenchServer({ apiBaseUrl, per10s: o.share, playbook: o.playbook });
  try {
    const now = Date.now();
    const started = performance.now();
    const deliveries = [];
    for (let i = 0; i < o.deals; i += 100) {
      deliveries.push(Array.from({ length: Math.min(100, o.deals - i) }, (_, k) => wonEvent(2_000_000 + i + k, now - 10_000 + i + k)));
    }
    await Promise.all(deliveries.map((d) => server.send(d)));
    const expectedTasks = o.deals * o.tasksPerDeal;
    while (double.tasks.length < expectedTasks || double.dealUpdates.size < o.deals) {
      if (performance.now() - started > 600_000) throw new Error(`burst did not drain: ${double.tasks.length}/${expectedTasks} tasks`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const drainSeconds = (performance.now() - started) / 1000;
    const calls = double.calls.length;
    return {
      deals: o.deals,
      tasks: double.tasks.length,
      calls,
      callsPerDeal: calls / o.deals,
      responses429: double.calls.filter((c) => c.status === 429).length,
      drainSeconds,
      budgetMinimumSeconds: calls / Math.max(1, Math.floor(o.share / 10)),
      peakRssMb: server.peakRssMb(),
    };
  } finally {
    await server.close();
    await double.stop();
  }
}

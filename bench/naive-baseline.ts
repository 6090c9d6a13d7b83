import { createHubSpotHttp } from '../src/hubspot/hubspot-http.js';
import { createHubSpotDouble } from '../tests/support/hubspot-double.js';

export interface NaiveResult {
  deals: number;
  calls: number;
  callsPerDeal: number;
  responses429: number;
  seconds: number;
}

/**
 * What first100 would cost without batching: per deal, read it, its company and contacts, the company,
 * create each task on its own and update the deal. Same HTTP layer, same limiter share.
 */
export async function benchNaive(o: { deals: number; hubspotPer10s: number; share: number; tasksPerDeal: number; latencyMs: number }): Promise<NaiveResult> {
  const double = createHubSpotDouble({ per10s: o.hubspotPer10s, latencyMs: o.latencyMs });
  const apiBaseUrl = await double.start();
  const request = createHubSpotHttp({ accessToken: 'pat-bench', apiBaseUrl, callsPer10s: o.share });
  const started = performance.now();
  try {
    for (let i = 0; i < o.deals; i++) {
      const id = 3_000_000 + i;
      await request('GET', `/crm/v3/objects/deals/${id}`);
      const companies = await request<{ results: { toObjectId: number }[] }>('GET', `/crm/v4/objects/deals/${id}/associations/companies`);
      await request('GET', `/crm/v4/objects/deals/${id}/associations/contacts`);
      await request('GET', `/crm/v3/objects/companies/${companies.results[0]!.toObjectId}`);
      for (let t = 0; t < o.tasksPerDeal; t++) {
        await request('POST', '/crm/v3/objects/tasks', { properties: { hs_task_subject: `task ${t}`, hs_timestamp: new Date().toISOString() }, associations: [] });
      }
      await request('PATCH', `/crm/v3/objects/deals/${id}`, { properties: { first100_phase: 'admit' } });
    }
    const calls = double.calls.length;
    return { deals: o.deals, calls, callsPerDeal: calls / o.deals, responses429: double.calls.filter((c) => c.status === 429).length, seconds: (performance.now() - started) / 1000 };
  } finally {
    await double.stop();
  }
}

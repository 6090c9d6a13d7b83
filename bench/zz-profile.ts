import { percentile, startBenchServer, wonEvent } from './bench-server.js';
import { cardCall, fillHandoff } from './card-calls.js';
import { createHubSpotDouble } from './hubspot-double.js';
const double = createHubSpotDouble({ per10s: 100, latencyMs: 40 });
const server = await startBenchServer({ apiBaseUrl: await double.start(), per10s: 90, playbook: 'playbooks/default.en.yml' });
try {
  const ids = Array.from({ length: 20 }, (_, i) => 3_000_000 + i);
  await server.send(ids.map((id, i) => wonEvent(id, Date.now() - 10_000 + i)));
  while (double.dealUpdates.size < ids.length) await new Promise((r) => setTimeout(r, 50));
  for (const id of ids) await fillHandoff(server.url, id);
  await new Promise((r) => setTimeout(r, 4000));
  const paths: Record<string, (id: number) => string> = {
    healthz: () => '/healthz',
    deal: (id) => `/api/cards/deals/${id}`,
    handoff: (id) => `/api/cards/deals/${id}/handoff`,
    company: (id) => `/api/cards/companies/${7_000_000 + id}`,
  };
  for (let round = 0; round < 2; round++) {
    for (const [name, p] of Object.entries(paths)) {
      const ms: number[] = [];
      for (let i = 0; i < 60; i++) ms.push((await cardCall(server.url, 'GET', p(ids[i % ids.length]!))).ms);
      ms.sort((a, b) => a - b);
      console.log(name, 'min', ms[0]!.toFixed(1), 'p50', percentile(ms, 50).toFixed(1), 'p95', percentile(ms, 95).toFixed(1));
    }
  }
  const r = await cardCall(server.url, 'GET', `/api/cards/deals/${ids[0]}/handoff`);
  console.log('handoff bytes', r.text.length);
  const d = await cardCall(server.url, 'GET', `/api/cards/deals/${ids[0]}`);
  console.log('deal bytes', d.text.length, d.text.slice(0, 300));
} finally {
  await server.close();
  await double.stop();
}

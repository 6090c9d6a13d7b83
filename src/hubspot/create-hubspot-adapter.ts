import { createHubSpotHttp, type HubSpotHttpSettings } from './hubspot-http.js';
import type { HubSpotPort } from './hubspot-port.js';
import { readDeals } from './read-deals.js';
import { createTasks, findTasksByMarker } from './tasks.js';
import { readPipelines, updateDeals } from './deals-and-pipelines.js';

export function createHubSpotAdapter(settings: HubSpotHttpSettings): HubSpotPort {
  const request = createHubSpotHttp(settings);
  return {
    dryRun: false,
    readDeals: (ids) => readDeals(request, ids),
    createTasks: (tasks) => createTasks(request, tasks),
    findTasksByMarker: (dealId, markers) => findTasksByMarker(request, dealId, markers),
    updateDeals: (updates) => updateDeals(request, updates),
    readPipelines: () => readPipelines(request),
  };
}

import type { HubSpotRequest } from './hubspot-http.js';
import type { Pipeline } from './hubspot-port.js';

interface PipelinesPage {
  results: {
    id: string;
    label: string;
    stages: { id: string; label: string; metadata?: { isClosed?: string; probability?: string } }[];
  }[];
}

export async function readPipelines(request: HubSpotRequest): Promise<Pipeline[]> {
  const page = await request<PipelinesPage>('GET', '/crm/v3/pipelines/deals');
  return (page.results ?? []).map((p) => ({
    id: p.id,
    label: p.label,
    stages: p.stages.map((s) => ({
      id: s.id,
      label: s.label,
      isClosed: s.metadata?.isClosed === 'true',
      probability: s.metadata?.probability === undefined ? null : Number(s.metadata.probability),
    })),
  }));
}

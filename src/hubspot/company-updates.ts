import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, type CompanyUpdate } from './hubspot-port.js';

/** Updates company properties (health, segment), ≤100 companies per call. */
export async function updateCompanies(request: HubSpotRequest, updates: CompanyUpdate[]): Promise<void> {
  for (const part of chunk(updates)) {
    await request('POST', '/crm/v3/objects/companies/batch/update', { inputs: part });
  }
}

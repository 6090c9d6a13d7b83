import type { PropertyDefinition } from './first100-properties.js';
import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, type CrmObjectType, type ExistingProperty } from './hubspot-port.js';

interface Results<T> {
  results: T[];
}

/** The portal's properties of an object type (GET /crm/v3/properties/{objectType}). */
export async function readProperties(request: HubSpotRequest, objectType: CrmObjectType): Promise<ExistingProperty[]> {
  const page = await request<Results<ExistingProperty>>('GET', `/crm/v3/properties/${objectType}`);
  return (page.results ?? []).map((p) => ({ name: p.name, type: p.type, fieldType: p.fieldType, groupName: p.groupName }));
}

export async function readPropertyGroups(request: HubSpotRequest, objectType: CrmObjectType): Promise<string[]> {
  const page = await request<Results<{ name: string }>>('GET', `/crm/v3/properties/${objectType}/groups`);
  return (page.results ?? []).map((g) => g.name);
}

export async function createPropertyGroup(
  request: HubSpotRequest,
  objectType: CrmObjectType,
  group: { name: string; label: string; displayOrder: number },
): Promise<void> {
  await request('POST', `/crm/v3/properties/${objectType}/groups`, group);
}

/** Creates properties in batches of 100. */
export async function createProperties(request: HubSpotRequest, objectType: CrmObjectType, definitions: PropertyDefinition[]): Promise<void> {
  for (const part of chunk(definitions)) {
    await request('POST', `/crm/v3/properties/${objectType}/batch/create`, { inputs: part });
  }
}

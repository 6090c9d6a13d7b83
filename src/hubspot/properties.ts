import type { PropertyDefinition } from './first100-properties.js';
import { HubSpotError } from './hubspot-error.js';
import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, type CrmObjectType, type ExistingProperty, type PropertyCreation, type PropertyOption } from './hubspot-port.js';

interface Results<T> {
  results: T[];
}

interface BatchAnswer {
  results?: { name: string }[];
  errors?: { message?: string; context?: Record<string, string[]> }[];
}

/** The portal's properties of an object type (GET /crm/v3/properties/{objectType}). */
export async function readProperties(request: HubSpotRequest, objectType: CrmObjectType): Promise<ExistingProperty[]> {
  const page = await request<Results<ExistingProperty>>('GET', `/crm/v3/properties/${objectType}`);
  return (page.results ?? []).map((p) => ({ name: p.name, type: p.type, fieldType: p.fieldType, groupName: p.groupName, ...(p.options ? { options: p.options } : {}) }));
}

/** Replaces the options of an enumeration property (PATCH /crm/v3/properties/{objectType}/{name}). */
export async function updatePropertyOptions(request: HubSpotRequest, objectType: CrmObjectType, name: string, options: PropertyOption[]): Promise<void> {
  await request('PATCH', `/crm/v3/properties/${objectType}/${encodeURIComponent(name)}`, { options });
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

/**
 * Creates properties in batches of 100 and reads HubSpot's answer per input: a 201 or 207 lists the ones it
 * created (a 207 also says why it refused the others); a 400 refuses the whole batch for one bad input, so then
 * each is created alone, and only the bad ones stay refused, each with HubSpot's message.
 */
export async function createProperties(request: HubSpotRequest, objectType: CrmObjectType, definitions: PropertyDefinition[]): Promise<PropertyCreation> {
  const outcome: PropertyCreation = { created: [], refused: [] };
  for (const part of chunk(definitions)) {
    let answer: BatchAnswer;
    try {
      answer = (await request<BatchAnswer>('POST', `/crm/v3/properties/${objectType}/batch/create`, { inputs: part })) ?? {};
    } catch (error) {
      if (!(error instanceof HubSpotError && error.code === 'VALIDATION')) throw error;
      for (const definition of part) await createOne(request, objectType, definition, outcome);
      continue;
    }
    const created = new Set((answer.results ?? []).map((r) => r.name));
    for (const definition of part) {
      if (created.has(definition.name)) outcome.created.push(definition.name);
      else outcome.refused.push({ name: definition.name, message: reasonFor(definition.name, answer.errors ?? []) });
    }
  }
  return outcome;
}

async function createOne(request: HubSpotRequest, objectType: CrmObjectType, definition: PropertyDefinition, outcome: PropertyCreation): Promise<void> {
  try {
    await request('POST', `/crm/v3/properties/${objectType}`, definition);
    outcome.created.push(definition.name);
  } catch (error) {
    if (!(error instanceof HubSpotError) || error.code !== 'VALIDATION') throw error;
    outcome.refused.push({ name: definition.name, message: error.details.hubspotMessage ?? error.message });
  }
}

/** HubSpot's error about one input: the one that names it, else all it said. */
function reasonFor(name: string, errors: NonNullable<BatchAnswer['errors']>): string {
  const naming = errors.find((e) => e.message?.includes(name) || Object.values(e.context ?? {}).some((values) => values.includes(name)));
  if (naming?.message) return naming.message;
  const said = errors.map((e) => e.message).filter(Boolean);
  return said.length > 0 ? said.join('; ') : 'HubSpot did not create it and gave no reason';
}

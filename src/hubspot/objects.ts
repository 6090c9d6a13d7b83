import { readBatchAnswer, type BatchAnswer, type BatchBody } from './batch-answer.js';
import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, MAX_BATCH, type CrmObjectType, type RecordUpdate } from './hubspot-port.js';

interface BatchObjects {
  results: { id: string; properties: Record<string, string | null> }[];
}

/** Properties of deals or companies by id, ≤100 per call; ids HubSpot does not know are absent. */
export async function readObjects(
  request: HubSpotRequest,
  objectType: CrmObjectType,
  ids: string[],
  properties: string[],
): Promise<Map<string, Record<string, string | null>>> {
  const found = new Map<string, Record<string, string | null>>();
  for (const part of chunk([...new Set(ids)])) {
    const read = await request<BatchObjects>('POST', `/crm/v3/objects/${objectType}/batch/read`, { inputs: part.map((id) => ({ id })), properties });
    for (const o of read.results ?? []) found.set(o.id, o.properties);
  }
  return found;
}

/** One batch update of deals or companies (≤100), read per record: a 207 names the records it refused. */
export async function updateObjects(request: HubSpotRequest, objectType: CrmObjectType, updates: RecordUpdate[]): Promise<BatchAnswer> {
  if (updates.length > MAX_BATCH) throw new Error(`at most ${MAX_BATCH} ${objectType} per batch call`);
  const body = await request<BatchBody>('POST', `/crm/v3/objects/${objectType}/batch/update`, { inputs: updates });
  return readBatchAnswer(body, updates.map((u) => u.id), (result) => result.id);
}

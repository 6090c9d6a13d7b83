import { carriedMarker, readBatchAnswer, type BatchAnswer, type BatchBody } from './batch-answer.js';
import type { HubSpotRequest } from './hubspot-http.js';
import { MAX_BATCH } from './hubspot-port.js';

/**
 * An engagement first100 creates with its marker in a text property (tasks, notes, logged emails): created in one
 * batch call, and found again by that marker on the deal's timeline when an answer was lost.
 */
export interface MarkedObjectType<T> {
  objectType: 'tasks' | 'notes' | 'emails';
  /** The property whose text carries `first100 ref <marker>`. */
  markerProperty: string;
  markerOf(item: T): string;
  input(item: T): unknown;
}

/** One batch create (≤100 inputs), read per input: HubSpot's id per marker, or its reason for refusing one. */
export async function createMarked<T>(request: HubSpotRequest, type: MarkedObjectType<T>, items: T[]): Promise<BatchAnswer> {
  if (items.length > MAX_BATCH) throw new Error(`at most ${MAX_BATCH} ${type.objectType} per batch call`);
  const markers = items.map((item) => type.markerOf(item));
  const body = await request<BatchBody>('POST', `/crm/v3/objects/${type.objectType}/batch/create`, { inputs: items.map((item) => type.input(item)) }, { creates: true });
  return readBatchAnswer(body, markers, (result) => carriedMarker(result.properties?.[type.markerProperty], markers));
}

interface SearchPage {
  results: { id: string; properties: Record<string, string | null> }[];
  paging?: { next?: { after: string } };
}

/** The objects on a deal that carry one of `markers` (HubSpot's search index may lag a few seconds behind a create). */
export async function findMarked(request: HubSpotRequest, type: Pick<MarkedObjectType<unknown>, 'objectType' | 'markerProperty'>, dealId: string, markers: string[]): Promise<Map<string, string>> {
  const wanted = new Set(markers);
  const found = new Map<string, string>();
  let after: string | undefined;
  do {
    const page: SearchPage = await request<SearchPage>('POST', `/crm/v3/objects/${type.objectType}/search`, {
      filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: dealId }] }],
      properties: [type.markerProperty],
      limit: 200,
      ...(after ? { after } : {}),
    });
    for (const object of page.results ?? []) {
      const marker = carriedMarker(object.properties[type.markerProperty], [...wanted].filter((m) => !found.has(m)));
      if (marker) found.set(marker, object.id);
    }
    after = page.paging?.next?.after;
  } while (after && found.size < wanted.size);
  return found;
}

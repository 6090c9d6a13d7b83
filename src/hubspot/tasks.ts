import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, markerIn, markerLine, type CreatedTasks, type TaskToCreate } from './hubspot-port.js';

// HubSpot-defined association type ids (HUBSPOT-FACTS §4.2).
const TASK_TO_DEAL = 216;
const TASK_TO_COMPANY = 192;
const TASK_TO_CONTACT = 204;

interface CreatedBatch {
  results: { id: string; properties: Record<string, string | null> }[];
  errors?: { message?: string; category?: string }[];
}
interface SearchPage {
  results: { id: string; properties: Record<string, string | null> }[];
  paging?: { next?: { after: string } };
}

export function taskInput(task: TaskToCreate) {
  const association = (id: string, typeId: number) => ({
    to: { id },
    types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }],
  });
  return {
    properties: {
      hs_timestamp: new Date(task.dueAt).toISOString(),
      hs_task_subject: task.subject,
      hs_task_body: task.body ? `${task.body}\n\n${markerLine(task.marker)}` : markerLine(task.marker),
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: task.priority,
      hs_task_type: task.type,
      ...(task.ownerId ? { hubspot_owner_id: task.ownerId } : {}),
    },
    associations: [
      association(task.dealId, TASK_TO_DEAL),
      ...(task.companyId ? [association(task.companyId, TASK_TO_COMPANY)] : []),
      ...task.contactIds.map((id) => association(id, TASK_TO_CONTACT)),
    ],
  };
}

/** Batch-creates tasks (≤100 per call) with their associations; maps each marker to HubSpot's task id. */
export async function createTasks(request: HubSpotRequest, tasks: TaskToCreate[]): Promise<CreatedTasks> {
  const ids = new Map<string, string>();
  const refusals: string[] = [];
  for (const part of chunk(tasks)) {
    const created = await request<CreatedBatch>('POST', '/crm/v3/objects/tasks/batch/create', { inputs: part.map(taskInput) });
    for (const task of created.results ?? []) {
      const marker = markerIn(task.properties.hs_task_body);
      if (marker) ids.set(marker, task.id);
    }
    for (const error of created.errors ?? []) refusals.push(`${error.category ?? 'ERROR'}: ${error.message ?? 'no message'}`);
  }
  return refusals.length > 0 ? { ids, refused: `HubSpot refused some tasks (207): ${refusals.join('; ')}` } : { ids };
}

/** Finds tasks associated with a deal that carry our markers (the search index may lag a few seconds). */
export async function findTasksByMarker(request: HubSpotRequest, dealId: string, markers: string[]): Promise<Map<string, string>> {
  const wanted = new Set(markers);
  const found = new Map<string, string>();
  let after: string | undefined;
  do {
    const page: SearchPage = await request<SearchPage>('POST', '/crm/v3/objects/tasks/search', {
      filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: dealId }] }],
      properties: ['hs_task_body'],
      limit: 200,
      ...(after ? { after } : {}),
    });
    for (const task of page.results ?? []) {
      const marker = markerIn(task.properties.hs_task_body);
      if (marker && wanted.has(marker)) found.set(marker, task.id);
    }
    after = page.paging?.next?.after;
  } while (after && found.size < wanted.size);
  return found;
}

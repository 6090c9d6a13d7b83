import { readBatchAnswer, type BatchAnswer, type BatchBody } from './batch-answer.js';
import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, MAX_BATCH, markerLine, type TaskToCreate } from './hubspot-port.js';
import type { MarkedObjectType } from './marked-objects.js';

// HubSpot-defined association type ids (HUBSPOT-FACTS §4.2).
const TASK_TO_DEAL = 216;
const TASK_TO_COMPANY = 192;
const TASK_TO_CONTACT = 204;

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

export const TASKS: MarkedObjectType<TaskToCreate> = { objectType: 'tasks', markerProperty: 'hs_task_body', markerOf: (t) => t.marker, input: taskInput };

export interface ClosedTasks extends BatchAnswer {
  /** Tasks that were already completed (by their owner) or are gone from HubSpot: nothing was changed. */
  alreadyClosed: Set<string>;
}

/**
 * Completes the given tasks (≤100) that are still open; never deletes one. A task someone already completed keeps
 * its completion date, and a task deleted in HubSpot is left alone.
 */
export async function closeTasks(request: HubSpotRequest, taskIds: string[]): Promise<ClosedTasks> {
  if (taskIds.length > MAX_BATCH) throw new Error(`at most ${MAX_BATCH} tasks per batch call`);
  const read = await request<BatchBody>('POST', '/crm/v3/objects/tasks/batch/read', { inputs: taskIds.map((id) => ({ id })), properties: ['hs_task_status'] });
  const open = new Set((read.results ?? []).filter((t) => t.properties?.hs_task_status !== 'COMPLETED').map((t) => t.id));
  const alreadyClosed = new Set(taskIds.filter((id) => !open.has(id)));
  const toClose = taskIds.filter((id) => open.has(id));
  const answer: BatchAnswer =
    toClose.length === 0
      ? { done: new Map(), refused: new Map() }
      : readBatchAnswer(
          await request<BatchBody>('POST', '/crm/v3/objects/tasks/batch/update', { inputs: toClose.map((id) => ({ id, properties: { hs_task_status: 'COMPLETED' } })) }),
          toClose,
          (result) => result.id,
        );
  for (const id of alreadyClosed) answer.done.set(id, id);
  return { ...answer, alreadyClosed };
}

/**
 * Which of these tasks are no longer open work, ≤100 per batch read: completed ones with their completion date (null
 * when HubSpot gives none), and deleted ones (absent from the read) with null. Open tasks are not in the map.
 */
export async function readTaskCompletions(request: HubSpotRequest, taskIds: string[]): Promise<Map<string, number | null>> {
  const done = new Map<string, number | null>();
  for (const part of chunk([...new Set(taskIds)])) {
    const read = await request<BatchBody>('POST', '/crm/v3/objects/tasks/batch/read', { inputs: part.map((id) => ({ id })), properties: ['hs_task_status', 'hs_task_completion_date'] });
    const found = new Map((read.results ?? []).map((t) => [t.id, t.properties ?? {}]));
    for (const id of part) {
      const task = found.get(id);
      if (!task) done.set(id, null);
      else if (task.hs_task_status === 'COMPLETED') done.set(id, completionDate(task.hs_task_completion_date));
    }
  }
  return done;
}

function completionDate(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

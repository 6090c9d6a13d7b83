import type { Queryable } from './db.js';
import { healthStep } from './health-steps-store.js';
import { insertSteps } from './onboarding-store.js';

/** HubSpot saying a task was marked completed (a webhook event on `hs_task_status`). */
export interface IncomingTaskCompletion {
  eventId: string;
  portalId: string;
  taskId: string;
  occurredAt: number;
}

/**
 * Records the completions of tasks first100 created (any other task is not ours and is left out; one first100 closed
 * itself, a phase left behind, was not done by anyone and stays out of the on-time rate), in the same table
 * the health sweep fills, and asks for each such deal's health to be recomputed: a deal that was behind for that task
 * comes back without waiting for the sweep. A completion already known (the sweep's, or HubSpot retrying the
 * delivery) adds nothing. Returns how many completions were new.
 */
export async function recordTaskCompletionEvents(tx: Queryable, events: IncomingTaskCompletion[], now: number): Promise<number> {
  return recordLearnedCompletions(tx, events.map((e) => ({ taskId: e.taskId, completedAt: e.occurredAt })), now);
}

/** The same, for a completion first100 read from HubSpot on its way (an email waiting for its task, for one). */
export async function recordLearnedCompletions(tx: Queryable, completions: { taskId: string; completedAt: number }[], now: number): Promise<number> {
  if (completions.length === 0) return 0;
  const rows = await tx.query<{ task_id: string; deal_id: string }>(
    `INSERT INTO task_completions (task_id, deal_id, completed_at)
     SELECT DISTINCT ON (s.hubspot_id) s.hubspot_id, s.deal_id, x.occurred_at
       FROM jsonb_to_recordset($1::jsonb) AS x(task_id text, occurred_at bigint)
       JOIN steps s ON s.kind = 'task' AND s.hubspot_id = x.task_id AND s.status = 'done'
      WHERE NOT EXISTS (SELECT 1 FROM steps c WHERE c.deal_id = s.deal_id AND c.kind = 'task-close' AND c.payload->>'taskId' = s.hubspot_id)
      ORDER BY s.hubspot_id, x.occurred_at
     ON CONFLICT (task_id) DO NOTHING
     RETURNING task_id, deal_id`,
    [JSON.stringify(completions.map((c) => ({ task_id: c.taskId, occurred_at: c.completedAt })))],
  );
  await insertSteps(tx, rows.map((r) => healthStep(r.deal_id, `task-completed:${r.task_id}`, now)));
  return rows.length;
}

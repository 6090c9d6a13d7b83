import type { Db, Queryable } from './db.js';
import { claimRows, retryRows, type AttemptFailure } from './claim.js';
import { NOT_HELD, sqlList, type ClaimedStep, type StepKind, type StepPayloads } from './step-kinds.js';

interface StepRow {
  id: string | number;
  effect_key: string;
  entry_id: string | number | null;
  deal_id: string;
  kind: StepKind;
  step_id: string;
  due_at: string | number;
  payload: StepPayloads[StepKind];
  attempts: number;
  prior_status: string;
}

/**
 * Claims due steps of the given kinds with a lease; a paused deal's held steps wait for its resume. Both the
 * worker and the email sender claim here, so the pause holds for every kind it names.
 */
export async function claimSteps(db: Db, kinds: readonly StepKind[], now: number, limit: number, leaseMs: number): Promise<ClaimedStep[]> {
  const rows = await claimRows<StepRow>(db, {
    table: 'steps',
    working: 'sending',
    where: `kind IN (${sqlList(kinds)}) AND ${NOT_HELD}`,
    now,
    limit,
    leaseMs,
  });
  // The row's kind and payload were written together by insertSteps from a typed NewStep.
  return rows.map(
    (r) =>
      ({
        id: String(r.id),
        effectKey: r.effect_key,
        entryId: r.entry_id === null ? null : String(r.entry_id),
        dealId: r.deal_id,
        kind: r.kind,
        stepId: r.step_id,
        dueAt: Number(r.due_at),
        payload: r.payload,
        attempts: Number(r.attempts),
        inDoubt: r.prior_status === 'sending',
      }) as ClaimedStep,
  );
}

export async function markStepsDone(db: Queryable, done: { id: string; hubspotId?: string | null }[]): Promise<void> {
  if (done.length === 0) return;
  await db.query(
    `UPDATE steps s SET status = 'done', hubspot_id = x.hubspot_id, locked_until = NULL, last_error = NULL, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, hubspot_id text)
      WHERE s.id = x.id`,
    [JSON.stringify(done.map((d) => ({ id: d.id, hubspot_id: d.hubspotId ?? null })))],
  );
}

/** Schedules the steps' next attempt by the one retry rule (src/store/claim.ts). */
export async function retrySteps(db: Queryable, steps: { id: string; attempts: number }[], failure: AttemptFailure, now: number, maxAttempts: number): Promise<void> {
  await retryRows(db, steps, failure, { table: 'steps', working: 'sending', now, maxAttempts });
}

/** Turns claimed steps into ordinary task steps, due at once, once their owner is known (see assign-task-owners). */
export async function becomeTasks(db: Db, steps: { id: string; payload: StepPayloads['task'] }[], now: number): Promise<void> {
  if (steps.length === 0) return;
  await db.query(
    `UPDATE steps s SET kind = 'task', payload = x.payload, status = 'pending', run_at = $2, attempts = 0, locked_until = NULL, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, payload jsonb)
      WHERE s.id = x.id`,
    [JSON.stringify(steps), now],
  );
}

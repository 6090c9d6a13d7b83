import type { Db } from './db.js';
import { backoffMs, claimRows } from './claim.js';
import { NOT_HELD } from './pause-store.js';

export interface ClaimedStep {
  id: string;
  effectKey: string;
  entryId: string | null;
  dealId: string;
  kind: 'task' | 'deal-update' | 'advance' | 'note' | 'note-update' | 'workflow-action' | 'workflow-callback' | 'company-update' | 'owner-task';
  stepId: string;
  dueAt: number;
  payload: Record<string, unknown>;
  attempts: number;
  /** Claimed again after a worker's lease ran out mid-call: HubSpot may already have applied it. */
  inDoubt: boolean;
}

interface StepRow {
  id: string | number;
  effect_key: string;
  entry_id: string | number | null;
  deal_id: string;
  kind: ClaimedStep['kind'];
  step_id: string;
  due_at: string | number;
  payload: Record<string, unknown>;
  attempts: number;
  prior_status: string;
}

/** Claims due steps that act on HubSpot (emails wait for their sender); a paused deal's playbook steps wait for its resume. */
export async function claimSteps(db: Db, now: number, limit: number, leaseMs: number): Promise<ClaimedStep[]> {
  const rows = await claimRows<StepRow>(db, {
    table: 'steps',
    working: 'sending',
    where: `kind IN ('task', 'deal-update', 'advance', 'note', 'note-update', 'workflow-action', 'workflow-callback', 'company-update', 'owner-task') AND ${NOT_HELD}`,
    now,
    limit,
    leaseMs,
  });
  return rows.map((r) => ({
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
  }));
}

export async function markStepsDone(db: Db, done: { id: string; hubspotId?: string | null }[]): Promise<void> {
  if (done.length === 0) return;
  await db.query(
    `UPDATE steps s SET status = 'done', hubspot_id = x.hubspot_id, locked_until = NULL, last_error = NULL, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, hubspot_id text)
      WHERE s.id = x.id`,
    [JSON.stringify(done.map((d) => ({ id: d.id, hubspot_id: d.hubspotId ?? null })))],
  );
}

/** How long HubSpot's search may take to show a task just created (HUBSPOT-FACTS: seconds). */
export const IN_DOUBT_SETTLE_MS = 10_000;

export interface StepFailure {
  error: string;
  now: number;
  maxAttempts: number;
  /** HubSpot may have applied the write: keep the step "sending" so the next attempt checks HubSpot first. */
  inDoubt: boolean;
  delayMs?: number;
}

/** Schedules another attempt with backoff, or marks the step failed once it has used its attempts. */
export async function retrySteps(db: Db, steps: Pick<ClaimedStep, 'id' | 'attempts'>[], f: StepFailure): Promise<void> {
  if (steps.length === 0) return;
  // HubSpot's search index lags a few seconds behind a create: an in-doubt step is looked up no sooner than that.
  const rows = steps.map((s) => ({ id: s.id, run_at: f.now + (f.delayMs ?? Math.max(backoffMs(s.attempts), f.inDoubt ? IN_DOUBT_SETTLE_MS : 0)) }));
  await db.query(
    `UPDATE steps s
        SET status = CASE WHEN s.attempts >= $2 THEN 'failed' WHEN $4 THEN 'sending' ELSE 'pending' END,
            run_at = x.run_at, locked_until = CASE WHEN $4 THEN x.run_at ELSE NULL END, last_error = $3, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, run_at bigint)
      WHERE s.id = x.id`,
    [JSON.stringify(rows), f.maxAttempts, f.error, f.inDoubt],
  );
}

/** Turns claimed steps into ordinary task steps, due at once, once their owner is known (see assign-task-owners). */
export async function becomeTasks(db: Db, steps: { id: string; payload: unknown }[], now: number): Promise<void> {
  if (steps.length === 0) return;
  await db.query(
    `UPDATE steps s SET kind = 'task', payload = x.payload, status = 'pending', run_at = $2, attempts = 0, locked_until = NULL, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, payload jsonb)
      WHERE s.id = x.id`,
    [JSON.stringify(steps), now],
  );
}

import type { TrackedTask } from '../domain/health/compute-health.js';
import type { ComputedHealth } from '../domain/health/computed-health.js';
import { isSurveyKind, type SurveyKind } from '../domain/feedback-scoring.js';
import { isPhase, type Phase } from '../domain/phases.js';
import type { Queryable } from './db.js';

/** What a deal's health is computed from, as the store holds it; locks the deal's row until the transaction ends. */
export interface StoredHealthInputs {
  phase: Phase;
  entryId: string | null;
  enteredAt: number;
  dayZero: number | null;
  silentSince: number | null;
  lastAnswer: { kind: SurveyKind; score: number; at: number } | null;
  tasks: TrackedTask[];
  /** The client tasks of the current phase entry the client marked done (the playbook says which there are). */
  clientTasksDone: Set<string>;
  /** The plan made at day zero, once stored. */
  plannedGoLive: string | null;
  /** The properties last handed to the step engine, and the revision that keyed that step. */
  written: Record<string, string>;
  revision: number;
}

interface DealRow {
  phase: string | null;
  lost: boolean;
  entry_id: string | number | null;
  entered_at: string | number | null;
  day_zero: string | number | null;
  silent_since: string | number | null;
  last_feedback: { kind: string; score: number | string; at: number | string } | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** When a task step's task falls due in HubSpot: its payload says (a step's own due_at is when it was to run). */
const TASK_DUE_AT = `COALESCE((s.payload->'task'->>'dueAt')::bigint, s.due_at)`;

/** Null when the deal is not in onboarding (no phase, or lost): it has no health. */
export async function lockHealthInputs(tx: Queryable, dealId: string): Promise<StoredHealthInputs | null> {
  const [deal] = await tx.query<DealRow>(
    'SELECT phase, lost, entry_id, entered_at, day_zero, silent_since, last_feedback FROM deal_onboarding WHERE deal_id = $1 FOR UPDATE',
    [dealId],
  );
  if (!deal || deal.lost || !isPhase(deal.phase) || deal.entered_at === null) return null;
  const [stored] = await tx.query<{ planned_go_live: string | null; written: Record<string, string>; revision: number }>(
    'SELECT planned_go_live, written, revision FROM deal_health WHERE deal_id = $1',
    [dealId],
  );
  const answer = deal.last_feedback;
  return {
    phase: deal.phase,
    entryId: deal.entry_id === null ? null : String(deal.entry_id),
    enteredAt: Number(deal.entered_at),
    dayZero: num(deal.day_zero),
    silentSince: num(deal.silent_since),
    lastAnswer: answer && isSurveyKind(answer.kind) ? { kind: answer.kind, score: Number(answer.score), at: Number(answer.at) } : null,
    tasks: await readTrackedTasks(tx, dealId),
    clientTasksDone: deal.entry_id === null ? new Set() : await readClientTasksDone(tx, dealId, String(deal.entry_id)),
    plannedGoLive: stored?.planned_go_live ?? null,
    written: stored?.written ?? {},
    revision: Number(stored?.revision ?? 0),
  };
}

/**
 * first100's tasks on the deal that HubSpot holds (created, with HubSpot's id) and first100 did not close itself
 * (a phase left behind): completed when the health sweep found them completed or gone in HubSpot.
 */
async function readTrackedTasks(tx: Queryable, dealId: string): Promise<TrackedTask[]> {
  const rows = await tx.query<{ subject: string | null; due_at: string | number; completed: boolean }>(
    `SELECT s.payload->'task'->>'subject' AS subject, ${TASK_DUE_AT} AS due_at, (c.task_id IS NOT NULL) AS completed
       FROM steps s LEFT JOIN task_completions c ON c.task_id = s.hubspot_id
      WHERE s.deal_id = $1 AND s.kind = 'task' AND s.status = 'done' AND s.hubspot_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM steps x WHERE x.deal_id = s.deal_id AND x.kind = 'task-close' AND x.payload->>'taskId' = s.hubspot_id)
      ORDER BY 2, s.id`,
    [dealId],
  );
  return rows.map((r) => ({ title: r.subject ?? '', dueAt: Number(r.due_at), completed: r.completed, source: 'first100' as const }));
}

async function readClientTasksDone(tx: Queryable, dealId: string, entryId: string): Promise<Set<string>> {
  const rows = await tx.query<{ task_id: string }>(
    `SELECT task_id FROM client_task_answers WHERE deal_id = $1 AND entry_id = $2 AND status = 'done'`,
    [dealId, entryId],
  );
  return new Set(rows.map((r) => r.task_id));
}

/** Stores the computed health with what was handed to HubSpot; the plan made at day zero is kept once set. */
export async function saveComputedHealth(
  tx: Queryable,
  dealId: string,
  h: ComputedHealth & { reasonsText: string; computedAt: number; written: Record<string, string>; revision: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO deal_health (deal_id, health, reasons, reasons_text, phase, business_days_in_phase, expected_business_days, due_tasks, overdue_tasks,
       planned_go_live, projected_go_live, slip_business_days, computed_at, written, revision)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15)
     ON CONFLICT (deal_id) DO UPDATE SET health = $2, reasons = $3::jsonb, reasons_text = $4, phase = $5, business_days_in_phase = $6,
       expected_business_days = $7, due_tasks = $8, overdue_tasks = $9, planned_go_live = COALESCE(deal_health.planned_go_live, $10),
       projected_go_live = $11, slip_business_days = $12, computed_at = $13, written = $14::jsonb, revision = $15`,
    [dealId, h.health, JSON.stringify(h.reasons), h.reasonsText, h.phase, h.businessDaysInPhase, h.expectedBusinessDays, h.dueTasks, h.overdueTasks,
      h.plannedGoLive, h.projectedGoLive, h.slipBusinessDays, h.computedAt, JSON.stringify(h.written), h.revision],
  );
}

/** Records first100's tasks found completed (or deleted) in HubSpot; a task recorded once stays recorded. */
export async function recordTaskCompletions(db: Queryable, completions: { taskId: string; dealId: string; completedAt: number }[]): Promise<void> {
  if (completions.length === 0) return;
  await db.query(
    `INSERT INTO task_completions (task_id, deal_id, completed_at)
     SELECT x.task_id, x.deal_id, x.completed_at FROM jsonb_to_recordset($1::jsonb) AS x(task_id text, deal_id text, completed_at bigint)
     ON CONFLICT (task_id) DO NOTHING`,
    [JSON.stringify(completions.map((c) => ({ task_id: c.taskId, deal_id: c.dealId, completed_at: c.completedAt })))],
  );
}

/** first100's tasks of these deals that are due by `now`, open as far as first100 knows: what the health sweep asks HubSpot about. */
export async function dueOpenTasks(db: Queryable, dealIds: string[], now: number): Promise<{ taskId: string; dealId: string }[]> {
  if (dealIds.length === 0) return [];
  const rows = await db.query<{ hubspot_id: string; deal_id: string }>(
    `SELECT s.hubspot_id, s.deal_id FROM steps s
      WHERE s.deal_id = ANY($1::text[]) AND s.kind = 'task' AND s.status = 'done' AND s.hubspot_id IS NOT NULL AND ${TASK_DUE_AT} <= $2
        AND NOT EXISTS (SELECT 1 FROM task_completions c WHERE c.task_id = s.hubspot_id)
        AND NOT EXISTS (SELECT 1 FROM steps x WHERE x.deal_id = s.deal_id AND x.kind = 'task-close' AND x.payload->>'taskId' = s.hubspot_id)`,
    [dealIds, now],
  );
  return rows.map((r) => ({ taskId: r.hubspot_id, dealId: r.deal_id }));
}

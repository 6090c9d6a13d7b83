import type { OnboardingState } from '../domain/deal.js';
import { isPhase } from '../domain/phases.js';
import type { Queryable } from './db.js';
import type { NewStep, StepKind } from './step-kinds.js';

export type { NewStep } from './step-kinds.js';

export interface DealState extends OnboardingState {
  entryId: string | null;
}

interface DealRow {
  phase: string | null;
  entry_id: string | number | null;
  entered_at: string | number | null;
  last_change_at: string | number | null;
  lost: boolean;
  day_zero: string | number | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** Reads a deal's onboarding state and holds its row until the transaction ends, so one worker changes a deal at a time. */
export async function lockDealState(tx: Queryable, dealId: string): Promise<DealState> {
  await tx.query('INSERT INTO deal_onboarding (deal_id) VALUES ($1) ON CONFLICT (deal_id) DO NOTHING', [dealId]);
  const [row] = await tx.query<DealRow>('SELECT * FROM deal_onboarding WHERE deal_id = $1 FOR UPDATE', [dealId]);
  if (!row) throw new Error(`deal ${dealId} vanished from deal_onboarding`);
  return {
    phase: isPhase(row.phase) ? row.phase : null,
    entryId: row.entry_id === null ? null : String(row.entry_id),
    enteredAt: num(row.entered_at),
    lastChangeAt: num(row.last_change_at),
    lost: row.lost,
    dayZero: num(row.day_zero),
  };
}

export async function saveDealState(tx: Queryable, dealId: string, s: DealState): Promise<void> {
  await tx.query(
    `UPDATE deal_onboarding SET phase = $2, entry_id = $3, entered_at = $4, last_change_at = $5, lost = $6, day_zero = $7, updated_at = now()
      WHERE deal_id = $1`,
    [dealId, s.phase, s.entryId, s.enteredAt, s.lastChangeAt, s.lost, s.dayZero],
  );
}

export interface NewPhaseEntry {
  dealId: string;
  phase: string;
  fromPhase: string | null;
  enteredAt: number;
  cause: string;
  warnings: string[];
}

/** Records a phase entry once; a repeat returns the existing entry's id. */
export async function insertPhaseEntry(tx: Queryable, e: NewPhaseEntry): Promise<string> {
  const [row] = await tx.query<{ id: string | number }>(
    `INSERT INTO phase_entries (deal_id, phase, from_phase, entered_at, cause, warnings)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (deal_id, phase, entered_at) DO UPDATE SET cause = phase_entries.cause
     RETURNING id`,
    [e.dealId, e.phase, e.fromPhase, e.enteredAt, e.cause, JSON.stringify(e.warnings)],
  );
  return String(row!.id);
}

/** Inserts steps once per effect key; a key seen before is left as it is. */
export async function insertSteps(tx: Queryable, steps: NewStep[]): Promise<number> {
  if (steps.length === 0) return 0;
  const rows = steps.map((s) => ({
    effect_key: s.effectKey,
    entry_id: s.entryId,
    deal_id: s.dealId,
    kind: s.kind,
    step_id: s.stepId,
    due_at: s.dueAt,
    run_at: s.runAt,
    payload: s.payload,
  }));
  const inserted = await tx.query(
    `INSERT INTO steps (effect_key, entry_id, deal_id, kind, step_id, due_at, run_at, status, payload)
     SELECT x.effect_key, x.entry_id, x.deal_id, x.kind, x.step_id, x.due_at, x.run_at, 'pending', x.payload
       FROM jsonb_to_recordset($1::jsonb)
         AS x(effect_key text, entry_id bigint, deal_id text, kind text, step_id text, due_at bigint, run_at bigint, payload jsonb)
     ON CONFLICT (effect_key) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** Cancels a deal's steps that have not started; `kinds` narrows which. Returns how many. */
export async function cancelPendingSteps(tx: Queryable, dealId: string, kinds?: StepKind[]): Promise<number> {
  const cancelled = await tx.query(
    `UPDATE steps SET status = 'cancelled', updated_at = now()
      WHERE deal_id = $1 AND status = 'pending' AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
      RETURNING id`,
    [dealId, kinds ?? null],
  );
  return cancelled.length;
}

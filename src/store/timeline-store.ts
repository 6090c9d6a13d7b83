import type { Queryable } from './db.js';
import type { NewPhaseEntry } from './onboarding-store.js';

/** A phase entry as recorded, with the steps it planned. */
export interface TimelineEntry extends NewPhaseEntry {
  steps: TimelineStep[];
}

export interface TimelineStep {
  kind: string;
  stepId: string;
  dueAt: number;
  status: string;
  hubspotId: string | null;
  payload: Record<string, unknown>;
}

interface EntryRow {
  id: string | number;
  deal_id: string;
  phase: string;
  from_phase: string | null;
  entered_at: string | number;
  cause: string;
  warnings: string[];
}
interface StepRow {
  entry_id: string | number | null;
  kind: string;
  step_id: string;
  due_at: string | number;
  status: string;
  hubspot_id: string | null;
  payload: Record<string, unknown>;
}

/** Each phase entry of the given deals (all when none given) with the steps it planned, oldest first. */
export async function readTimeline(db: Queryable, dealIds?: string[]): Promise<TimelineEntry[]> {
  const params = dealIds ? [dealIds] : [];
  const onDeals = dealIds ? 'deal_id = ANY($1::text[])' : 'true';
  const entries = await db.query<EntryRow>(`SELECT * FROM phase_entries WHERE ${onDeals} ORDER BY deal_id, entered_at, id`, params);
  const steps = await db.query<StepRow>(
    `SELECT entry_id, kind, step_id, due_at, status, hubspot_id, payload FROM steps
      WHERE ${onDeals} AND kind <> 'deal-update' ORDER BY due_at, id`,
    params,
  );
  return entries.map((e) => ({
    dealId: e.deal_id,
    phase: e.phase,
    fromPhase: e.from_phase,
    enteredAt: Number(e.entered_at),
    cause: e.cause,
    warnings: e.warnings,
    steps: steps
      .filter((s) => String(s.entry_id) === String(e.id))
      .map((s) => ({ kind: s.kind, stepId: s.step_id, dueAt: Number(s.due_at), status: s.status, hubspotId: s.hubspot_id, payload: s.payload })),
  }));
}

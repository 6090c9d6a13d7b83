import { isPhase, type Phase } from '../domain/phases.js';
import type { Queryable } from './db.js';

/** A deal in onboarding, as the scheduled sweeps see it. */
export interface OnboardingDeal {
  dealId: string;
  phase: Phase;
  entryId: string | null;
  enteredAt: number | null;
  dayZero: number | null;
  silentSince: number | null;
  /** The latest client contact the silent-client sweep found in HubSpot (an incoming email, a call, a meeting). */
  lastContactAt: number | null;
  lastFeedback: { kind: string; score: number; at: number } | null;
  /** The deal's company as first100 last saw it, whose health and segment follow the deal's. */
  companyId: string | null;
}

interface Row {
  deal_id: string;
  phase: string;
  entry_id: string | number | null;
  entered_at: string | number | null;
  day_zero: string | number | null;
  silent_since: string | number | null;
  last_contact_at: string | number | null;
  last_feedback: { kind: string; score: number; at: number } | null;
  company_id: string | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** Deals in a phase (not lost, not before onboarding), a page at a time in deal id order. */
export async function listOnboardingDeals(db: Queryable, afterDealId: string, limit: number): Promise<OnboardingDeal[]> {
  const rows = await db.query<Row>(
    `SELECT deal_id, phase, entry_id, entered_at, day_zero, silent_since, last_contact_at, last_feedback, company_id FROM deal_onboarding
      WHERE phase IS NOT NULL AND NOT lost AND deal_id > $1
      ORDER BY deal_id LIMIT $2`,
    [afterDealId, limit],
  );
  return rows.flatMap((r) =>
    isPhase(r.phase)
      ? [{
          dealId: r.deal_id,
          phase: r.phase,
          entryId: r.entry_id === null ? null : String(r.entry_id),
          enteredAt: num(r.entered_at),
          dayZero: num(r.day_zero),
          silentSince: num(r.silent_since),
          lastContactAt: num(r.last_contact_at),
          lastFeedback: r.last_feedback,
          companyId: r.company_id,
        }]
      : [],
  );
}

/**
 * Records a deal's new silence (or its end) only if it is still what the sweep read: a concurrent sweep that
 * got there first wins, and this one adds nothing. True when this call changed it.
 */
export async function swapSilentSince(tx: Queryable, dealId: string, from: number | null, to: number | null): Promise<boolean> {
  const changed = await tx.query(
    'UPDATE deal_onboarding SET silent_since = $3, updated_at = now() WHERE deal_id = $1 AND silent_since IS NOT DISTINCT FROM $2 RETURNING 1',
    [dealId, from, to],
  );
  return changed.length > 0;
}

/** Keeps the latest client contact found for a deal, so the next sweeps need not ask HubSpot until it is old. */
export async function recordLastContact(db: Queryable, dealId: string, at: number): Promise<void> {
  await db.query('UPDATE deal_onboarding SET last_contact_at = GREATEST(last_contact_at, $2), updated_at = now() WHERE deal_id = $1', [dealId, at]);
}

/** Checkpoint days already planned per deal, read from the steps' effect keys (`deal:checkpoint:day:step`). */
export async function plannedCheckpointDays(db: Queryable, dealIds: string[]): Promise<Map<string, number[]>> {
  const days = new Map<string, number[]>();
  if (dealIds.length === 0) return days;
  const rows = await db.query<{ deal_id: string; day: string }>(
    `SELECT DISTINCT deal_id, split_part(effect_key, ':', 3) AS day FROM steps
      WHERE deal_id = ANY($1::text[]) AND split_part(effect_key, ':', 2) = 'checkpoint'`,
    [dealIds],
  );
  for (const r of rows) days.set(r.deal_id, [...(days.get(r.deal_id) ?? []), Number(r.day)]);
  return days;
}

/** The latest stage change first100 recorded for each deal (from a webhook, a card move or reconciliation). */
export async function latestRecordedStages(db: Queryable, dealIds: string[]): Promise<Map<string, { stageId: string; occurredAt: number }>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db.query<{ deal_id: string; stage_id: string; occurred_at: string | number }>(
    `SELECT DISTINCT ON (deal_id) deal_id, stage_id, occurred_at FROM stage_changes
      WHERE deal_id = ANY($1::text[]) ORDER BY deal_id, occurred_at DESC, id DESC`,
    [dealIds],
  );
  return new Map(rows.map((r) => [r.deal_id, { stageId: r.stage_id, occurredAt: Number(r.occurred_at) }]));
}

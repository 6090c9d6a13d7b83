import { isPhase } from '../domain/phases.js';
import type { Queryable } from './db.js';
import type { DealState } from './onboarding-store.js';

/** The columns of a `deal_onboarding` row that make a deal's state. */
export interface DealStateRow {
  deal_id: string;
  phase: string | null;
  entry_id: string | number | null;
  entered_at: string | number | null;
  last_change_at: string | number | null;
  lost: boolean;
  day_zero: string | number | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function toDealState(r: DealStateRow): DealState {
  return {
    phase: isPhase(r.phase) ? r.phase : null,
    entryId: r.entry_id === null ? null : String(r.entry_id),
    enteredAt: num(r.entered_at),
    lastChangeAt: num(r.last_change_at),
    lost: r.lost,
    dayZero: num(r.day_zero),
  };
}

/** The onboarding state of these deals, without locking (cards only read); deals we never saw are absent. */
export async function readDealStates(db: Queryable, dealIds: string[]): Promise<Map<string, DealState>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db.query<DealStateRow>('SELECT * FROM deal_onboarding WHERE deal_id = ANY($1::text[])', [dealIds]);
  return new Map(rows.map((r) => [r.deal_id, toDealState(r)]));
}

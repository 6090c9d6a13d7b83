import type { HealthReason } from '../domain/health/health-reasons.js';
import type { ComputedHealth } from '../domain/health/computed-health.js';
import { isPhase } from '../domain/phases.js';
import { isHealth } from '../domain/status-labels.js';
import type { Queryable } from './db.js';

/** A deal's computed health as stored in `deal_health` (see schema/017-deal-health.ts): what cards and app pages read. */
export interface StoredDealHealth extends ComputedHealth {
  dealId: string;
  /** The reasons as one line of text in the playbook's language: what `first100_health_reasons` holds. */
  reasonsText: string;
  /** When it was computed (epoch ms). */
  computedAt: number;
}

interface Row {
  deal_id: string;
  health: string;
  reasons: HealthReason[];
  reasons_text: string;
  phase: string | null;
  business_days_in_phase: number | null;
  expected_business_days: number | null;
  due_tasks: number;
  overdue_tasks: number;
  planned_go_live: string | null;
  projected_go_live: string | null;
  slip_business_days: number | null;
  computed_at: string | number;
}

const COLUMNS = `deal_id, health, reasons, reasons_text, phase, business_days_in_phase, expected_business_days, due_tasks, overdue_tasks,
  planned_go_live, projected_go_live, slip_business_days, computed_at`;

function toStored(r: Row): StoredDealHealth | null {
  if (!isHealth(r.health) || !isPhase(r.phase)) return null;
  return {
    dealId: r.deal_id,
    health: r.health,
    reasons: r.reasons,
    reasonsText: r.reasons_text,
    phase: r.phase,
    businessDaysInPhase: Number(r.business_days_in_phase ?? 0),
    expectedBusinessDays: r.expected_business_days === null ? null : Number(r.expected_business_days),
    dueTasks: Number(r.due_tasks),
    overdueTasks: Number(r.overdue_tasks),
    plannedGoLive: r.planned_go_live,
    projectedGoLive: r.projected_go_live,
    slipBusinessDays: r.slip_business_days === null ? null : Number(r.slip_business_days),
    computedAt: Number(r.computed_at),
  };
}

/**
 * The computed health of these deals, by deal id; a deal never computed (or lost since) is absent. One query for
 * any number of deals: app pages read their whole portfolio with it.
 */
export async function readDealHealth(db: Queryable, dealIds: string[]): Promise<Map<string, StoredDealHealth>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM deal_health WHERE deal_id = ANY($1::text[])`, [dealIds]);
  return new Map(rows.flatMap((r) => {
    const stored = toStored(r);
    return stored ? [[r.deal_id, stored] as const] : [];
  }));
}

/** Forgets a deal's computed health (it was lost): when it comes back, its health is computed and written afresh. */
export async function forgetDealHealth(tx: Queryable, dealId: string): Promise<void> {
  await tx.query('DELETE FROM deal_health WHERE deal_id = $1', [dealId]);
}

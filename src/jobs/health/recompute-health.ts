import type { BusinessCalendar } from '../../domain/business-calendar.js';
import { clientTrackedTasks } from '../../domain/health/client-tracked-tasks.js';
import { computeHealth } from '../../domain/health/compute-health.js';
import type { ComputedHealth } from '../../domain/health/computed-health.js';
import { describeReasons } from '../../domain/health/describe-reasons.js';
import type { Playbook } from '../../domain/playbook-schema.js';
import type { Queryable } from '../../store/db.js';
import { forgetDealHealth } from '../../store/deal-health-store.js';
import { lockHealthInputs, saveComputedHealth } from '../../store/health-inputs.js';
import { insertSteps } from '../../store/onboarding-store.js';
import { dealUpdateStep } from '../steps/steps-from-plan.js';
import { changedProperties, HEALTH_PROPERTIES, healthProperties } from './health-properties.js';

/** What recomputing a health needs of the engine. */
export interface HealthContext {
  playbook: Playbook;
  calendar: BusinessCalendar;
}

export interface Recomputed {
  health: ComputedHealth;
  /** The properties handed to the step engine this time (empty: HubSpot already shows them all). */
  changed: Record<string, string>;
}

/**
 * Recomputes a deal's health inside the caller's transaction (which may hold the deal's row already) and, when a
 * property HubSpot shows would change, plans one deal update with just the changed values, keyed by a revision so
 * each change is written once (healthKey). `writtenAlongside`: properties the caller's own step of this transaction writes (a
 * phase entry's `first100_health: on_track`, an answer's health): they count as written, and a different computed
 * value is planned after them, so it wins. Null when the deal is not in onboarding.
 */
export async function recomputeDealHealth(
  tx: Queryable,
  ctx: HealthContext,
  dealId: string,
  now: number,
  writtenAlongside: Record<string, string> = {},
): Promise<Recomputed | null> {
  const inputs = await lockHealthInputs(tx, dealId);
  if (!inputs) return null;
  const health = computeHealth({
    phase: inputs.phase,
    enteredAt: inputs.enteredAt,
    dayZero: inputs.dayZero,
    lastAnswer: inputs.lastAnswer,
    silentSince: inputs.silentSince,
    tasks: [...inputs.tasks, ...clientTrackedTasks(ctx.playbook.phases[inputs.phase]?.clientTasks, inputs.enteredAt, inputs.clientTasksDone, ctx.calendar)],
    storedPlannedGoLive: inputs.plannedGoLive,
    playbook: ctx.playbook,
    calendar: ctx.calendar,
    now,
  });
  const reasonsText = describeReasons(health.reasons, ctx.playbook.locale, ctx.calendar.timezone);
  const alongside = Object.fromEntries(Object.entries(writtenAlongside).filter(([name]) => (Object.values(HEALTH_PROPERTIES) as string[]).includes(name)));
  const written = { ...inputs.written, ...alongside };
  const changed = changedProperties(healthProperties(health, reasonsText), written);
  const revision = Object.keys(changed).length > 0 ? inputs.revision + 1 : inputs.revision;
  if (revision !== inputs.revision) {
    await insertSteps(tx, [dealUpdateStep(dealId, inputs.entryId, healthKey(dealId, inputs.entryId, revision), changed, now)]);
  }
  await saveComputedHealth(tx, dealId, { ...health, reasonsText, computedAt: now, written: { ...written, ...changed }, revision });
  return { health, changed };
}

/**
 * A lost deal has no health: the stage change clears `first100_health`, this clears the reasons, go-live and slip
 * HubSpot still shows, and forgets the row so a deal that comes back is computed and written afresh.
 */
export async function clearDealHealth(tx: Queryable, dealId: string, entryId: string | null, now: number): Promise<void> {
  const [row] = await tx.query<{ written: Record<string, string>; revision: number }>('SELECT written, revision FROM deal_health WHERE deal_id = $1', [dealId]);
  if (!row) return;
  const { health: _cleared, ...rest } = HEALTH_PROPERTIES;
  const clear = changedProperties(Object.fromEntries(Object.values(rest).map((name) => [name, ''])), row.written);
  if (Object.keys(clear).length > 0) await insertSteps(tx, [dealUpdateStep(dealId, entryId, healthKey(dealId, entryId, Number(row.revision) + 1), clear, now)]);
  await forgetDealHealth(tx, dealId);
}

/** One key per change: the revision counts changes within the row, the entry tells a deal that came back from its earlier life. */
function healthKey(dealId: string, entryId: string | null, revision: number): string {
  return `${dealId}:health:${entryId ?? '-'}:${revision}`;
}

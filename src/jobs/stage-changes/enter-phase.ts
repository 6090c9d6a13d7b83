import type { DealSnapshot } from '../../domain/deal.js';
import type { Locale } from '../../domain/phases.js';
import type { PhaseEntryPlan } from '../../domain/plan-phase-entry.js';
import type { Queryable } from '../../store/db.js';
import { recordDealIdentity } from '../../store/deal-identity.js';
import { recordDealTeam } from '../../store/deal-team.js';
import { cancelPendingSteps, insertPhaseEntry, insertSteps, saveDealState, type DealState } from '../../store/onboarding-store.js';
import { HELD_KINDS } from '../../store/step-kinds.js';
import { recomputeDealHealth, type HealthContext } from '../health/recompute-health.js';
import { stepsFromPlan } from '../steps/steps-from-plan.js';
import { planClosingOfLeftTasks } from './close-left-tasks.js';
import { withPromiseChecks } from './promise-checks-at-kickoff.js';

export interface PhaseEntryChange {
  deal: DealSnapshot;
  state: DealState;
  entry: PhaseEntryPlan;
  dealUpdates: Record<string, string>;
  backwards: boolean;
  dayZero: number | null;
  lastChangeAt: number | null;
  cause: string;
  now: number;
  /** The language of the note that says why first100 closed its tasks. */
  locale: Locale;
  /** A new phase restarts the time in phase and the go-live projection: the health is recomputed with the entry. */
  health: HealthContext;
}

/** Records a phase entry with its steps, inside the caller's transaction. Returns the entry id. */
export async function enterPhase(tx: Queryable, c: PhaseEntryChange): Promise<string> {
  // Going back undoes the plan in progress (and closes first100's open tasks of the phases left, below); going
  // forward keeps it, but an old timed advance would pull the deal back.
  await cancelPendingSteps(tx, c.deal.id, c.backwards ? HELD_KINDS : ['advance']);
  const entryId = await insertPhaseEntry(tx, {
    dealId: c.deal.id,
    phase: c.entry.phase,
    fromPhase: c.state.phase,
    enteredAt: c.entry.enteredAt,
    cause: c.cause,
    warnings: c.entry.warnings,
  });
  await insertSteps(tx, stepsFromPlan(c.deal, entryId, await withPromiseChecks(tx, c), c.dealUpdates, c.now));
  if (c.backwards) {
    await planClosingOfLeftTasks(tx, { dealId: c.deal.id, entryId, cause: { kind: 'moved-back', to: c.entry.phase }, causeAt: c.entry.enteredAt, locale: c.locale, now: c.now });
  }
  await saveDealState(tx, c.deal.id, {
    phase: c.entry.phase,
    entryId,
    enteredAt: c.entry.enteredAt,
    lastChangeAt: c.lastChangeAt,
    lost: false,
    dayZero: c.dayZero,
  });
  // The company's health and segment are summed over its deals in onboarding (see update-companies); the cards
  // show the names without asking HubSpot.
  await recordDealIdentity(tx, c.deal);
  await recordDealTeam(tx, c.deal);
  await recomputeDealHealth(tx, c.health, c.deal.id, c.now, c.dealUpdates);
  return entryId;
}

import { InvalidDateError } from '../../domain/business-calendar.js';
import { planStageChange } from '../../domain/plan-stage-change.js';
import { HubSpotError } from '../../hubspot/hubspot-error.js';
import { isHandoffAccepted } from '../../store/handoff-store.js';
import { insertSteps, lockDealState, saveDealState, cancelPendingSteps } from '../../store/onboarding-store.js';
import { HELD_KINDS } from '../../store/step-kinds.js';
import { claimStageChanges, finishStageChange, retryStageChanges, type ClaimedStageChange } from '../../store/stage-change-store.js';
import type { Engine } from '../engine.js';
import { clearDealHealth } from '../health/recompute-health.js';
import { enterPhase } from './enter-phase.js';
import { dealUpdateStep, effectKey } from '../steps/steps-from-plan.js';
import { failureOf } from '../retry-policy.js';
import { planClosingOfLeftTasks } from './close-left-tasks.js';

/** Claims a batch of stored stage changes and applies them in `occurredAt` order. Returns how many it handled. */
export async function processStageChanges(engine: Engine): Promise<number> {
  const { db, settings } = engine;
  const changes = await claimStageChanges(db, engine.clock(), settings.batchSize, settings.leaseMs);
  if (changes.length === 0) return 0;
  let deals;
  try {
    deals = await engine.hubspot.readDeals(changes.map((c) => c.dealId));
  } catch (error) {
    engine.log.warn({ err: describe(error), count: changes.length }, 'could not read the deals of these stage changes; they will be retried');
    await retryStageChanges(db, changes, failureOf(error, engine), engine.clock(), settings.maxAttempts);
    return changes.length;
  }
  for (const change of changes) {
    await engine.gate.turn();
    const outcome = await applyOne(engine, change, deals.get(change.dealId)).catch((error: unknown) => refuseUndatable(engine, change, error));
    engine.log.info({ dealId: change.dealId, eventId: change.eventId, stageId: change.stageId, outcome }, 'stage change applied');
  }
  return changes.length;
}

/** `deal` comes from the engine's HubSpot port, which already leaves out contacts deleted for privacy (boot.ts). */
async function applyOne(engine: Engine, change: ClaimedStageChange, deal: Parameters<typeof planStageChange>[0]['deal'] | undefined): Promise<string> {
  const now = engine.clock();
  return engine.db.transaction(async (tx) => {
    if (!deal) {
      await finishStageChange(tx, change.id, 'ignored: the deal is not in HubSpot (deleted or merged)');
      return 'deal not found';
    }
    const state = await lockDealState(tx, change.dealId);
    const handoffAccepted = await isHandoffAccepted(tx, deal.id);
    const decision = planStageChange({ deal, change, state, playbook: engine.playbook, calendar: engine.calendar, now, handoffAccepted });
    let outcome: string;
    if (decision.kind === 'ignore') {
      outcome = `ignored: ${decision.reason}`;
      if (state.lastChangeAt === null || change.occurredAt > state.lastChangeAt) {
        await saveDealState(tx, deal.id, { ...state, lastChangeAt: change.occurredAt });
      }
    } else if (decision.kind === 'lost') {
      const cancelled = await cancelPendingSteps(tx, deal.id, HELD_KINDS);
      const key = effectKey(deal.id, 'lost', change.occurredAt, 'properties');
      await insertSteps(tx, [dealUpdateStep(deal.id, state.entryId, key, decision.dealUpdates, now)]);
      const closing = await planClosingOfLeftTasks(tx, {
        dealId: deal.id,
        entryId: state.entryId,
        cause: { kind: 'lost', from: state.phase },
        causeAt: change.occurredAt,
        locale: engine.playbook.locale,
        now,
      });
      await clearDealHealth(tx, deal.id, state.entryId, now);
      await saveDealState(tx, deal.id, { ...state, phase: null, entryId: null, enteredAt: null, lost: true, lastChangeAt: change.occurredAt });
      outcome = `lost in ${decision.from}: ${cancelled} pending steps cancelled, ${closing} open tasks to close`;
    } else {
      await enterPhase(tx, {
        deal,
        state,
        entry: decision.entry,
        dealUpdates: decision.dealUpdates,
        backwards: decision.backwards,
        dayZero: decision.dayZero,
        lastChangeAt: change.occurredAt,
        cause: `stage ${change.stageId}`,
        now,
        locale: engine.playbook.locale,
        health: engine,
      });
      outcome = `entered ${decision.entry.phase} with ${decision.entry.steps.length} steps`;
      for (const warning of decision.entry.warnings) engine.log.warn({ dealId: deal.id, phase: decision.entry.phase }, warning);
    }
    await finishStageChange(tx, change.id, outcome);
    return outcome;
  });
}

/** A change whose date the calendar cannot count from is closed with the reason, not retried forever (nor spun on). */
async function refuseUndatable(engine: Engine, change: ClaimedStageChange, error: unknown): Promise<string> {
  if (!(error instanceof InvalidDateError)) throw error;
  const outcome = `refused: ${error.message}`;
  await finishStageChange(engine.db, change.id, outcome);
  return outcome;
}

function describe(error: unknown) {
  return error instanceof HubSpotError ? { code: error.code, message: error.message, ...error.details } : { message: String(error) };
}

import { planPhaseEntry } from '../../domain/plan-phase-entry.js';
import { phaseProperties } from '../../domain/plan-stage-change.js';
import { isPhase, phaseIndex } from '../../domain/phases.js';
import { isHandoffAccepted } from '../../store/handoff-store.js';
import { lockDealState } from '../../store/onboarding-store.js';
import type { ClaimedStepOf } from '../../store/step-kinds.js';
import { markStepsDone, retrySteps } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { failureOf } from '../retry-policy.js';
import { enterPhase } from '../stage-changes/enter-phase.js';

/** Timed advances (e.g. admit → affirm one business day later), applied only if the deal is still in that entry. */
export async function advancePhases(engine: Engine, steps: ClaimedStepOf<'advance'>[]): Promise<void> {
  if (steps.length === 0) return;
  let deals;
  try {
    deals = await engine.hubspot.readDeals(steps.map((s) => s.dealId));
  } catch (error) {
    await retrySteps(engine.db, steps, failureOf(error, engine), engine.clock(), engine.settings.maxAttempts);
    return;
  }
  for (const step of steps) {
    await engine.gate.turn();
    const { to, cause } = step.payload;
    const deal = deals.get(step.dealId);
    const outcome = await engine.db.transaction(async (tx) => {
      const state = await lockDealState(tx, step.dealId);
      if (!deal || !isPhase(to)) return 'skipped: deal gone';
      if (state.entryId !== step.entryId || state.phase === null) return 'skipped: the deal has moved on';
      const now = engine.clock();
      const handoffAccepted = await isHandoffAccepted(tx, step.dealId);
      const entry = planPhaseEntry({ deal, phase: to, enteredAt: step.dueAt, playbook: engine.playbook, calendar: engine.calendar, now, handoffAccepted });
      await enterPhase(tx, {
        deal,
        state,
        entry,
        dealUpdates: phaseProperties(to, step.dueAt, state.dayZero, engine.calendar.timezone, false),
        backwards: phaseIndex(to) < phaseIndex(state.phase),
        dayZero: state.dayZero,
        lastChangeAt: state.lastChangeAt,
        cause: cause ?? `timed advance from ${state.phase}`,
        now,
        locale: engine.playbook.locale,
        health: engine,
      });
      return `entered ${to}`;
    });
    await markStepsDone(engine.db, [{ id: step.id }]);
    engine.log.info({ dealId: step.dealId, outcome }, 'timed advance');
  }
}

import { phaseIndex, type Phase } from '../domain/phases.js';
import { planPhaseEntry } from '../domain/plan-phase-entry.js';
import { phaseProperties } from '../domain/plan-stage-change.js';
import { phaseMoveNote } from '../domain/timeline-notes.js';
import { claimCardRequest } from '../store/card-request-store.js';
import { isHandoffAccepted } from '../store/handoff-store.js';
import { insertSteps, lockDealState } from '../store/onboarding-store.js';
import { actorLabel, type CardActor, type CardWriteOutcome } from './card-actor.js';
import type { Engine } from './engine.js';
import { enterPhase } from './enter-phase.js';
import { effectKey, markerOf } from './steps-from-plan.js';

export interface PhaseMove {
  requestId: string;
  dealId: string;
  to: Phase;
  reason: string;
  actor: CardActor;
}

export type PhaseMoveOutcome = CardWriteOutcome | 'deal-not-found' | 'already-there';

/**
 * A PM moves a deal to a phase by hand (or starts its onboarding), with a reason: the same phase entry a stage
 * change makes, plus a note on the deal saying who and why. It counts as the deal's latest change, so a stage
 * change that happened before it and arrives late does not undo it.
 */
export async function movePhase(engine: Engine, move: PhaseMove): Promise<PhaseMoveOutcome> {
  const deal = (await engine.hubspot.readDeals([move.dealId])).get(move.dealId);
  if (!deal) return 'deal-not-found';
  return engine.db.transaction(async (tx) => {
    const claim = await claimCardRequest(tx, { requestId: move.requestId, dealId: move.dealId, action: 'move-phase', actorUserId: move.actor.userId });
    if (!claim.fresh) return claim.sameRequest ? 'repeated' : 'request-id-reused';
    const state = await lockDealState(tx, move.dealId);
    if (state.phase === move.to) return 'already-there';
    const now = engine.clock();
    const { playbook, calendar } = engine;
    const handoffAccepted = await isHandoffAccepted(tx, move.dealId);
    const entry = planPhaseEntry({ deal, phase: move.to, enteredAt: now, playbook, calendar, now, handoffAccepted });
    const closedBefore = deal.closeDate !== null && deal.closeDate <= now ? deal.closeDate : now;
    const dayZero = state.dayZero ?? (phaseIndex(move.to) >= phaseIndex('admit') ? closedBefore : null);
    const entryId = await enterPhase(tx, {
      deal,
      state,
      entry,
      dealUpdates: phaseProperties(move.to, now, dayZero, calendar.timezone, state.phase === null),
      backwards: state.phase !== null && phaseIndex(move.to) < phaseIndex(state.phase),
      dayZero,
      lastChangeAt: Math.max(state.lastChangeAt ?? 0, now),
      cause: `moved from the card by HubSpot user ${move.actor.userId}: ${move.reason}`,
      now,
    });
    const key = effectKey(move.dealId, move.to, now, 'phase-move-note');
    const body = phaseMoveNote(state.phase, move.to, move.reason, actorLabel(move.actor), playbook.locale);
    await insertSteps(tx, [
      { effectKey: key, entryId, dealId: move.dealId, kind: 'note', stepId: 'phase-move-note', dueAt: now, runAt: now, status: 'pending', payload: { note: { marker: markerOf(key), dealId: move.dealId, body, timestamp: now } } },
    ]);
    return 'applied';
  });
}

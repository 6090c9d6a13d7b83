import type { DealSnapshot } from '../domain/deal.js';
import { phaseIndex, type Phase } from '../domain/phases.js';
import { planPhaseEntry } from '../domain/plan-phase-entry.js';
import { phaseProperties } from '../domain/plan-stage-change.js';
import { phaseMoveNote } from '../domain/timeline-notes.js';
import { claimCardRequest } from '../store/card-request-store.js';
import type { Queryable } from '../store/db.js';
import { isHandoffAccepted } from '../store/handoff-store.js';
import { insertSteps, lockDealState } from '../store/onboarding-store.js';
import { actorLabel, type CardActor, type CardWriteOutcome } from './card-actor.js';
import type { Engine } from '../jobs/engine.js';
import { enterPhase } from '../jobs/stage-changes/enter-phase.js';
import { effectKey, markerOf } from '../jobs/steps/steps-from-plan.js';

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
    const claim = await claimCardRequest(tx, {
      requestId: move.requestId,
      dealId: move.dealId,
      action: 'move-phase',
      actorUserId: move.actor.userId,
      content: { to: move.to, reason: move.reason },
    });
    if (!claim.fresh) return claim.sameRequest ? 'repeated' : 'request-id-reused';
    const moved = await enterPhaseByHand(tx, engine, deal, {
      to: move.to,
      reason: move.reason,
      actor: actorLabel(move.actor),
      cause: `moved from the card by HubSpot user ${move.actor.userId}: ${move.reason}`,
    });
    return moved === 'already-there' ? 'already-there' : 'applied';
  });
}

export interface ManualMove {
  to: Phase;
  reason: string;
  /** How the timeline note names who moved it. */
  actor: string;
  /** Why, as the phase entry records it. */
  cause: string;
  /** The onboarding's day zero, when the caller sets it (else the close date or now). */
  dayZero?: number;
  /** The PM for this deal, when the caller names one: the plan assigns the PM's tasks to them and the deal records it. */
  pmOwnerId?: string;
}

export interface ManualMoveResult {
  entryId: string;
  from: Phase | null;
  /** Tasks the new phase entry planned (the worker creates them in HubSpot). */
  tasks: number;
}

/**
 * A phase entry made by a person or a workflow rather than a stage change, inside the caller's transaction: the
 * playbook's plan for the phase, the deal properties, and a note on the deal's timeline saying who and why.
 */
export async function enterPhaseByHand(tx: Queryable, engine: Engine, found: DealSnapshot, move: ManualMove): Promise<ManualMoveResult | 'already-there'> {
  const deal = move.pmOwnerId ? { ...found, pmOwnerId: move.pmOwnerId } : found;
  const state = await lockDealState(tx, deal.id);
  if (state.phase === move.to) return 'already-there';
  const now = engine.clock();
  const { playbook, calendar } = engine;
  const handoffAccepted = await isHandoffAccepted(tx, deal.id);
  const entry = planPhaseEntry({ deal, phase: move.to, enteredAt: now, playbook, calendar, now, handoffAccepted });
  const closedBefore = deal.closeDate !== null && deal.closeDate <= now ? deal.closeDate : now;
  const dayZero = move.dayZero ?? state.dayZero ?? (phaseIndex(move.to) >= phaseIndex('admit') ? closedBefore : null);
  const dealUpdates = phaseProperties(move.to, now, dayZero, calendar.timezone, state.phase === null);
  if (move.pmOwnerId) dealUpdates.first100_pm_owner = move.pmOwnerId;
  const entryId = await enterPhase(tx, {
    deal,
    state,
    entry,
    dealUpdates,
    backwards: state.phase !== null && phaseIndex(move.to) < phaseIndex(state.phase),
    dayZero,
    lastChangeAt: Math.max(state.lastChangeAt ?? 0, now),
    cause: move.cause,
    now,
    locale: engine.playbook.locale,
    health: engine,
  });
  const key = effectKey(deal.id, move.to, now, 'phase-move-note');
  const body = phaseMoveNote(state.phase, move.to, move.reason, move.actor, playbook.locale);
  await insertSteps(tx, [
    { effectKey: key, entryId, dealId: deal.id, kind: 'note', stepId: 'phase-move-note', dueAt: now, runAt: now, payload: { note: { marker: markerOf(key), dealId: deal.id, body, timestamp: now } } },
  ]);
  return { entryId, from: state.phase, tasks: entry.steps.filter((s) => s.kind === 'task').length };
}

import { applyHandoffAction, handoffProperties, type HandoffAction } from '../domain/handoff.js';
import { advanceOnHandoff, HANDOFF_ACCEPTED_CAUSE } from '../domain/plan-phase-entry.js';
import { handoffNote } from '../domain/timeline-notes.js';
import { claimCardRequest } from '../store/card-request-store.js';
import type { Queryable } from '../store/db.js';
import { readDealStates } from '../store/deal-state-reads.js';
import { insertHandoffEvent, lockHandoff, saveHandoff } from '../store/handoff-store.js';
import { insertSteps, type NewStep } from '../store/onboarding-store.js';
import { actorLabel, type CardActor, type CardWriteOutcome } from './card-actor.js';
import { cadenceUpdateSteps } from './cadence-updates.js';
import type { Engine } from '../jobs/engine.js';
import { dealUpdateStep, effectKey, markerOf } from '../jobs/steps/steps-from-plan.js';

export interface HandoffRequest {
  requestId: string;
  dealId: string;
  action: HandoffAction;
  actor: CardActor;
}

/**
 * Applies one checklist action in one transaction: the new state, who did it and when, and the durable steps
 * that mirror it in HubSpot (the first100_handoff_* properties, a note when people need one on the timeline,
 * and the playbook's advance when the handoff is now accepted). The worker carries the steps out, once each.
 * A rule the action breaks throws HandoffRuleError and nothing is recorded.
 */
export async function applyHandoff(engine: Engine, r: HandoffRequest): Promise<CardWriteOutcome> {
  return engine.db.transaction(async (tx) => {
    const claim = await claimCardRequest(tx, {
      requestId: r.requestId,
      dealId: r.dealId,
      action: `handoff-${r.action.type}`,
      actorUserId: r.actor.userId,
      content: r.action,
    });
    if (!claim.fresh) return claim.sameRequest ? 'repeated' : 'request-id-reused';
    const now = engine.clock();
    const change = applyHandoffAction(await lockHandoff(tx, r.dealId), r.action, r.actor.userId, now);
    await saveHandoff(tx, r.dealId, change.handoff);
    const eventId = await insertHandoffEvent(tx, r.dealId, { ...change.event, at: now, actorUserId: r.actor.userId, actorEmail: r.actor.userEmail });
    const key = (what: string) => `${r.dealId}:handoff:${eventId}:${what}`;
    const steps: NewStep[] = [dealUpdateStep(r.dealId, null, key('properties'), handoffProperties(change.handoff), now)];
    const body = handoffNote(change.handoff, change.event, change.accepted, actorLabel(r.actor), engine.playbook.locale);
    if (body) {
      const note = { marker: markerOf(key('note')), dealId: r.dealId, body, timestamp: now };
      steps.push({ effectKey: key('note'), entryId: null, dealId: r.dealId, kind: 'note', stepId: 'handoff-note', dueAt: now, runAt: now, payload: { note } });
    }
    if (change.accepted) steps.push(...(await advanceStep(tx, engine, r.dealId, now)), ...(await cadenceUpdateSteps(tx, engine, r.dealId, change.handoff, now)));
    await insertSteps(tx, steps);
    return 'applied';
  });
}

/** The playbook's "advance on handoff accepted" for the phase the deal is in, keyed like the planner's own advance. */
async function advanceStep(tx: Queryable, engine: Engine, dealId: string, now: number): Promise<NewStep[]> {
  const state = (await readDealStates(tx, [dealId])).get(dealId);
  if (!state?.phase || state.entryId === null || state.enteredAt === null) return [];
  const to = advanceOnHandoff(engine.playbook, state.phase);
  if (!to) return [];
  const stepId = `advance-to-${to}`;
  return [
    {
      effectKey: effectKey(dealId, state.phase, state.enteredAt, stepId),
      entryId: state.entryId,
      dealId,
      kind: 'advance',
      stepId,
      dueAt: now,
      runAt: now,
      payload: { to, cause: HANDOFF_ACCEPTED_CAUSE },
    },
  ];
}

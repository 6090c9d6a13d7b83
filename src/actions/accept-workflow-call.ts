import { failureOutputs, parseActionInput, pauseNote, successOutputs, type ActionOutputs, type WorkflowActionName, type WorkflowOutcome } from '../domain/workflow-actions.js';
import type { Queryable } from '../store/db.js';
import { isHandoffAccepted } from '../store/handoff-store.js';
import { insertSteps, lockDealState } from '../store/onboarding-store.js';
import { countHeldSteps, pauseDeal, resumeDeal } from '../store/pause-store.js';
import { claimWorkflowCall, finishWorkflowCall } from '../store/workflow-call-store.js';
import type { Engine } from '../jobs/engine.js';
import type { WorkflowActionPayload } from '../store/step-kinds.js';
import { markerOf } from '../jobs/steps/steps-from-plan.js';

export interface WorkflowCallRequest {
  action: WorkflowActionName;
  callbackId: string;
  dealId: string;
  workflowId: string | null;
  inputFields: Record<string, unknown>;
}

export interface WorkflowAnswer {
  outputs: ActionOutputs;
  /** Durable steps were stored: wake the worker. */
  stored: boolean;
}

/**
 * The workflow waits while the worker does what needs HubSpot (reading the deal), then completes it through the
 * callbacks API. HubSpot's default wait is a week; first100 asks for the same, explicitly.
 */
export const BLOCK: ActionOutputs = { hs_execution_state: 'BLOCK', hs_expiration_duration: 'P7D' };

/** The key of one effect of one workflow call. */
export function workflowKey(dealId: string, callbackId: string, what: string): string {
  return `${dealId}:workflow:${callbackId}:${what}`;
}

export function workflowActor(workflowId: string | null): string {
  return workflowId ? `HubSpot workflow ${workflowId}` : 'a HubSpot workflow';
}

/** The same callbackId came before asking something else: refused, not answered with the other call's outputs. */
class CallbackIdReused extends Error {}

/**
 * Answers a workflow action call at once, from the store only: the same call twice gets the first answer; bad
 * inputs and pause/resume are answered in full; the others are recorded as a durable step and answered BLOCK.
 * The same callbackId with another action, deal or inputs records nothing and is told so.
 */
export async function acceptWorkflowCall(engine: Engine, call: WorkflowCallRequest): Promise<WorkflowAnswer | 'callback-id-reused'> {
  const parsed = parseActionInput(call.action, call.inputFields, engine.clock());
  try {
    return await engine.db.transaction((tx) => answerOnce(tx, engine, call, parsed));
  } catch (error) {
    if (error instanceof CallbackIdReused) return 'callback-id-reused';
    throw error;
  }
}

async function answerOnce(tx: Queryable, engine: Engine, call: WorkflowCallRequest, parsed: ReturnType<typeof parseActionInput>): Promise<WorkflowAnswer> {
  const claim = await claimWorkflowCall(tx, {
    callbackId: call.callbackId,
    dealId: call.dealId,
    action: call.action,
    workflowId: call.workflowId,
    content: call.inputFields,
  });
  if (!claim.fresh) {
    // Thrown, so that the transaction rolls back a row this claim may have added for another deal.
    if (!claim.sameCall) throw new CallbackIdReused();
    return { outputs: claim.outputs ?? BLOCK, stored: false };
  }
  if ('error' in parsed) {
    const outputs = failureOutputs(parsed.error, parsed.detail);
    await finishWorkflowCall(tx, call.callbackId, call.dealId, outputs);
    return { outputs, stored: false };
  }
  if (parsed.action === 'pause-resume') {
    const outputs = await pauseOrResume(tx, engine, call, parsed.input);
    await finishWorkflowCall(tx, call.callbackId, call.dealId, outputs);
    return { outputs, stored: true };
  }
  const now = engine.clock();
  await insertSteps(tx, [
    {
      effectKey: workflowKey(call.dealId, call.callbackId, 'action'),
      entryId: null,
      dealId: call.dealId,
      kind: 'workflow-action',
      stepId: call.action,
      dueAt: now,
      runAt: now,
      payload: { callbackId: call.callbackId, workflowId: call.workflowId, request: parsed } satisfies WorkflowActionPayload,
    },
  ]);
  return { outputs: BLOCK, stored: true };
}

/**
 * Pause holds the deal's playbook steps (tasks, emails, timed advances) that have not started; stage changes and
 * moves are still recorded, and their new steps are held too. Resume lets them run, each moved later by the time
 * it was held. Deal properties, notes and workflow callbacks are never held.
 */
async function pauseOrResume(tx: Queryable, engine: Engine, call: WorkflowCallRequest, input: { mode: 'pause' | 'resume'; reason?: string }): Promise<ActionOutputs> {
  const state = await lockDealState(tx, call.dealId);
  const now = engine.clock();
  const handoffAccepted = await isHandoffAccepted(tx, call.dealId);
  const result = (outcome: WorkflowOutcome<'pause-resume'>, paused: boolean, heldSteps: number) =>
    successOutputs({ outcome, phase: state.phase, tasksCreated: 0, handoffAccepted, extra: { paused, held_steps: heldSteps } });
  let outputs: ActionOutputs;
  if (input.mode === 'pause') {
    if (state.phase === null) return failureOutputs('NOT_IN_ONBOARDING');
    const already = await pauseDeal(tx, call.dealId, now);
    outputs = result(already ? 'already_paused' : 'paused', true, await countHeldSteps(tx, call.dealId));
    if (already) return outputs;
  } else {
    const held = await countHeldSteps(tx, call.dealId);
    const moved = await resumeDeal(tx, call.dealId, now);
    if (moved === null) return result('not_paused', false, 0);
    outputs = result('resumed', false, held);
  }
  const key = workflowKey(call.dealId, call.callbackId, 'note');
  const body = pauseNote(input.mode, workflowActor(call.workflowId), input.reason, engine.playbook.locale);
  await insertSteps(tx, [
    { effectKey: key, entryId: state.entryId, dealId: call.dealId, kind: 'note', stepId: `${input.mode}-note`, dueAt: now, runAt: now, payload: { note: { marker: markerOf(key), dealId: call.dealId, body, timestamp: now } } },
  ]);
  return outputs;
}

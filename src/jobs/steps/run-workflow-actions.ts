import type { DealSnapshot } from '../../domain/deal.js';
import type { Phase } from '../../domain/phases.js';
import { failureOutputs, successOutputs, WORKFLOW_SURVEY_TEMPLATE, type ActionOutputs, type ActionInput, type WorkflowOutcome } from '../../domain/workflow-actions.js';
import type { Queryable } from '../../store/db.js';
import { readDealStates } from '../../store/deal-state-reads.js';
import { isHandoffAccepted } from '../../store/handoff-store.js';
import { insertSteps, lockDealState } from '../../store/onboarding-store.js';
import type { ClaimedStepOf } from '../../store/step-kinds.js';
import { markStepsDone, retrySteps } from '../../store/step-store.js';
import { finishWorkflowCall, lockWorkflowCall } from '../../store/workflow-call-store.js';
import { workflowActor, workflowKey } from '../../actions/accept-workflow-call.js';
import type { Engine } from '../engine.js';
import { enterPhaseByHand } from '../../actions/move-phase.js';
import { failureOf } from '../retry-policy.js';
import { emailStep } from './steps-from-plan.js';

/**
 * Carries out the workflow actions answered BLOCK: reads their deals in one shared call, makes each effect with the
 * same planner a card or a stage change uses, and in the same transaction records the outputs and a callback step
 * that hands them to the waiting workflow. A call already finished (the worker died after committing) is skipped.
 */
export async function runWorkflowActions(engine: Engine, steps: ClaimedStepOf<'workflow-action'>[]): Promise<void> {
  if (steps.length === 0) return;
  let deals: Map<string, DealSnapshot>;
  try {
    deals = await engine.hubspot.readDeals([...new Set(steps.map((s) => s.dealId))]);
  } catch (error) {
    const failure = failureOf(error, engine);
    // A refusal that will not change is told to the workflow after the last attempt, instead of leaving it waiting;
    // an outage is waited out (HubSpot keeps a blocked action waiting for its expiration).
    const spent = failure.transient ? [] : steps.filter((s) => s.attempts >= engine.settings.maxAttempts);
    for (const step of spent) await finish(engine, step, () => Promise.resolve(failureOutputs('HUBSPOT_UNAVAILABLE', failure.reason)));
    await retry(engine, steps.filter((s) => !spent.includes(s)), error);
    return;
  }
  for (const step of steps) {
    await engine.gate.turn();
    try {
      await finish(engine, step, (tx) => perform(tx, engine, step, deals.get(step.dealId)));
    } catch (error) {
      await retry(engine, [step], error);
    }
  }
}

async function retry(engine: Engine, steps: { id: string; attempts: number }[], error: unknown): Promise<void> {
  engine.log.warn({ steps: steps.length, kind: 'workflow' }, error instanceof Error ? error.message : String(error));
  await retrySteps(engine.db, steps, failureOf(error, engine), engine.clock(), engine.settings.maxAttempts);
}

async function finish(engine: Engine, step: ClaimedStepOf<'workflow-action'>, work: (tx: Queryable) => Promise<ActionOutputs>): Promise<void> {
  const { callbackId } = step.payload;
  const outputs = await engine.db.transaction(async (tx) => {
    const call = await lockWorkflowCall(tx, callbackId, step.dealId);
    if (!call || call.outputs) return call?.outputs ?? null;
    const result = await work(tx);
    await finishWorkflowCall(tx, callbackId, step.dealId, result);
    const now = engine.clock();
    await insertSteps(tx, [
      {
        effectKey: workflowKey(step.dealId, callbackId, 'callback'),
        entryId: null,
        dealId: step.dealId,
        kind: 'workflow-callback',
        stepId: 'callback',
        dueAt: now,
        runAt: now,
        payload: { callbackId, outputFields: result },
      },
    ]);
    return result;
  });
  await markStepsDone(engine.db, [{ id: step.id }]);
  engine.log.info({ dealId: step.dealId, action: step.stepId, state: outputs?.hs_execution_state, outcome: outputs?.outcome ?? outputs?.errorCode }, 'workflow action done');
}

async function perform(tx: Queryable, engine: Engine, step: ClaimedStepOf<'workflow-action'>, deal: DealSnapshot | undefined): Promise<ActionOutputs> {
  const { callbackId, workflowId, request } = step.payload;
  if (!deal) return failureOutputs('DEAL_NOT_FOUND', `deal ${step.dealId}`);
  const actor = workflowActor(workflowId);
  if (request.action === 'start-onboarding') {
    const state = await lockDealState(tx, deal.id);
    if (state.phase !== null) return outputs(tx, deal.id, 'already_started', state.phase, 0);
    const to = request.input.start_phase ?? 'admit';
    const reason = `${actor} started the onboarding`;
    const moved = await enterPhaseByHand(tx, engine, deal, { to, reason, actor, cause: `started by ${actor}`, dayZero: request.input.day_zero, pmOwnerId: request.input.pm_owner });
    return outputs(tx, deal.id, 'started', to, moved === 'already-there' ? 0 : moved.tasks);
  }
  if (request.action === 'move-phase') {
    const { phase: to, reason } = request.input;
    const moved = await enterPhaseByHand(tx, engine, deal, { to, reason, actor, cause: `moved by ${actor}: ${reason}` });
    return outputs(tx, deal.id, moved === 'already-there' ? 'already_there' : 'moved', to, moved === 'already-there' ? 0 : moved.tasks);
  }
  if (request.action === 'send-survey') return planSurvey(tx, engine, deal, callbackId, request.input);
  throw new Error(`the ${request.action} action is answered when it arrives, never by the worker`);
}

async function planSurvey(tx: Queryable, engine: Engine, deal: DealSnapshot, callbackId: string, input: ActionInput<'send-survey'>): Promise<ActionOutputs> {
  const state = (await readDealStates(tx, [deal.id])).get(deal.id);
  const to = input.audience ?? 'primary_contact';
  const contacts = to === 'all_contacts' ? deal.contactIds.length : Math.min(1, deal.contactIds.length);
  if (contacts > 0) {
    const now = engine.clock();
    const email = { kind: 'email' as const, stepId: 'workflow-survey', dueAt: now, template: WORKFLOW_SURVEY_TEMPLATE, to, survey: input.survey_kind, touchpoint: input.touchpoint };
    await insertSteps(tx, [emailStep(deal, state?.entryId ?? null, workflowKey(deal.id, callbackId, 'survey'), email)]);
  }
  return outputs(tx, deal.id, contacts > 0 ? 'survey_planned' : 'no_contacts', state?.phase ?? null, 0, { survey_planned: contacts > 0, survey_contacts: contacts });
}

async function outputs(tx: Queryable, dealId: string, outcome: WorkflowOutcome, phase: Phase | null, tasks: number, extra?: Record<string, string | number | boolean>): Promise<ActionOutputs> {
  const handoffAccepted = await isHandoffAccepted(tx, dealId);
  return successOutputs({ outcome, phase, tasksCreated: tasks, handoffAccepted, extra });
}

/**
 * Hands each finished call's outputs to its waiting workflow. Completing twice is harmless, so never in doubt; a
 * callback HubSpot says is already closed (completed by an earlier attempt whose answer was lost, or expired) is
 * done too: sending it again could never succeed.
 */
export async function completeWorkflowCallbacks(engine: Engine, steps: ClaimedStepOf<'workflow-callback'>[]): Promise<void> {
  for (const step of steps) {
    const { callbackId, outputFields } = step.payload;
    try {
      const completion = await engine.hubspot.completeWorkflowCallback(callbackId, outputFields);
      if (completion.closedBefore) {
        const { status, category, correlationId, hubspotMessage } = completion;
        engine.log.info({ dealId: step.dealId, callbackId, status, category, correlationId, hubspotMessage }, 'workflow callback was already closed in HubSpot: counted as completed');
      }
      await markStepsDone(engine.db, [{ id: step.id }]);
    } catch (error) {
      await retry(engine, [step], error);
    }
  }
}

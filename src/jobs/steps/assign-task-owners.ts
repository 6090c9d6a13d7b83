import { resolveSegmentOwner } from '../../domain/plan-segment.js';
import type { ClaimedStepOf } from '../../store/step-kinds.js';
import { becomeTasks, retrySteps } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { failureOf } from '../retry-policy.js';

/**
 * Tasks planned where the deal could not be read (a client's answer must not wait for HubSpot) get their owner
 * here, by the planner's rule (the PM, else the deal owner), and become ordinary task steps under the same
 * effect key: the task step creates them once, with its marker.
 */
export async function assignTaskOwners(engine: Engine, steps: ClaimedStepOf<'owner-task'>[]): Promise<void> {
  if (steps.length === 0) return;
  try {
    const deals = await engine.hubspot.readDeals([...new Set(steps.map((s) => s.dealId))]);
    const assigned = steps.map((step) => {
      const { task, assignee } = step.payload;
      const deal = deals.get(step.dealId);
      const owner = deal ? resolveSegmentOwner(assignee, deal, engine.playbook.pmManager) : { ownerId: null, role: 'unassigned', warning: 'the deal is gone from HubSpot' };
      if (owner.warning) engine.log.warn({ dealId: step.dealId, step: step.stepId }, owner.warning);
      return { id: step.id, payload: { task: { ...task, ownerId: owner.ownerId }, assignee: owner.role } };
    });
    await becomeTasks(engine.db, assigned, engine.clock());
  } catch (error) {
    await retrySteps(engine.db, steps, failureOf(error, engine), engine.clock(), engine.settings.maxAttempts);
  }
}

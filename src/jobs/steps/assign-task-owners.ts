import { resolveOwner } from '../../domain/plan-phase-entry.js';
import type { TaskToCreate } from '../../hubspot/hubspot-port.js';
import { becomeTasks, type ClaimedStep } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { fail } from './step-failure.js';

/** An `owner-task` step: a task whose owner is the deal's PM, to be read from HubSpot when the step runs. */
export interface OwnerTaskPayload {
  task: Omit<TaskToCreate, 'ownerId'>;
  assignee: 'pm';
}

/**
 * Tasks planned where the deal could not be read (a client's answer must not wait for HubSpot) get their owner
 * here, by the planner's rule (the PM, else the deal owner), and become ordinary task steps under the same
 * effect key: the task step creates them once, with its marker.
 */
export async function assignTaskOwners(engine: Engine, steps: ClaimedStep[]): Promise<void> {
  if (steps.length === 0) return;
  try {
    const deals = await engine.hubspot.readDeals([...new Set(steps.map((s) => s.dealId))]);
    const assigned = steps.map((step) => {
      const { task, assignee } = step.payload as unknown as OwnerTaskPayload;
      const deal = deals.get(step.dealId);
      const owner = deal ? resolveOwner(assignee, deal) : { ownerId: null, role: 'unassigned', warning: 'the deal is gone from HubSpot' };
      if (owner.warning) engine.log.warn({ dealId: step.dealId, step: step.stepId }, owner.warning);
      return { id: step.id, payload: { task: { ...task, ownerId: owner.ownerId }, assignee: owner.role } };
    });
    await becomeTasks(engine.db, assigned, engine.clock());
  } catch (error) {
    await fail(engine, steps, error, false);
  }
}

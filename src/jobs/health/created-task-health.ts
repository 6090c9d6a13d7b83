import { healthStep } from '../../store/health-steps-store.js';
import { insertSteps } from '../../store/onboarding-store.js';
import { markStepsDone } from '../../store/step-store.js';
import type { Engine } from '../engine.js';

export interface CreatedTask {
  stepId: string;
  dealId: string;
  dueAt: number;
  /** Its creation was tried before (HubSpot down or refusing): the task may reach HubSpot after its due moment. */
  retried: boolean;
  hubspotId: string | null;
}

/**
 * Marks task steps done with HubSpot's ids and, for a task whose creation had to be retried and that reaches HubSpot
 * already past its due moment, asks for its deal's health in the same transaction: that task counts at once as
 * overdue. A task made due at once by design (a silence's check-in call, a stuck client's request) created on its
 * first try is not late, and a task due later changes nothing until it falls due, which is time passing: the daily
 * health sweep sees both.
 */
export async function settleCreatedTasks(engine: Engine, created: CreatedTask[]): Promise<void> {
  if (created.length === 0) return;
  const now = engine.clock();
  await engine.db.transaction(async (tx) => {
    await markStepsDone(tx, created.map((t) => ({ id: t.stepId, hubspotId: t.hubspotId })));
    const late = [...new Set(created.filter((t) => t.retried && t.hubspotId !== null && t.dueAt <= now).map((t) => t.dealId))];
    await insertSteps(tx, late.map((dealId) => healthStep(dealId, `tasks-created-late:${now}`, now)));
  });
}

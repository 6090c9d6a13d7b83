import { healthStep } from '../../store/health-steps-store.js';
import { insertSteps } from '../../store/onboarding-store.js';
import { markStepsDone } from '../../store/step-store.js';
import type { Engine } from '../engine.js';

export interface CreatedTask {
  stepId: string;
  dealId: string;
  dueAt: number;
  hubspotId: string | null;
}

/**
 * Marks task steps done with HubSpot's ids and, for a task created already past its due moment (the worker was
 * behind, or HubSpot down), asks for its deal's health in the same transaction: that task counts at once as overdue.
 * A task due later changes nothing until it falls due, which is time passing: the daily health sweep sees it.
 */
export async function settleCreatedTasks(engine: Engine, created: CreatedTask[]): Promise<void> {
  if (created.length === 0) return;
  const now = engine.clock();
  await engine.db.transaction(async (tx) => {
    await markStepsDone(tx, created.map((t) => ({ id: t.stepId, hubspotId: t.hubspotId })));
    const late = [...new Set(created.filter((t) => t.hubspotId !== null && t.dueAt <= now).map((t) => t.dealId))];
    await insertSteps(tx, late.map((dealId) => healthStep(dealId, `tasks-created-late:${now}`, now)));
  });
}

import type { NewStep } from './step-kinds.js';

/**
 * A durable request to recompute a deal's health, for a change first100 learns where it does not hold the deal's row
 * (a webhook delivery, a task created late): one step per cause, so the same news twice asks once.
 */
export function healthStep(dealId: string, cause: string, now: number): NewStep {
  return { effectKey: `${dealId}:recompute-health:${cause}`, entryId: null, dealId, kind: 'health', stepId: 'recompute-health', dueAt: now, runAt: now, payload: { cause } };
}

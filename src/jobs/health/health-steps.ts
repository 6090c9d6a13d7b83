import type { ClaimedStepOf } from '../../store/step-kinds.js';
import { markStepsDone, retrySteps } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { failureOf } from '../retry-policy.js';
import { groupBy } from '../steps/hubspot-writes.js';
import { recomputeDealHealth } from './recompute-health.js';

/**
 * Recomputes the health of each deal that asked (several causes of one deal: once), at the time the step runs. The
 * recomputation plans its deal update (only what changed) and the steps are marked done in one transaction: a crash
 * before it commits leaves the steps to run again, and one after leaves nothing to repeat.
 */
export async function recomputeHealthSteps(engine: Engine, steps: ClaimedStepOf<'health'>[]): Promise<void> {
  for (const [dealId, ofDeal] of groupBy(steps, (s) => s.dealId)) {
    await engine.gate.turn();
    try {
      await engine.db.transaction(async (tx) => {
        await recomputeDealHealth(tx, engine, dealId, engine.clock());
        await markStepsDone(tx, ofDeal.map((s) => ({ id: s.id })));
      });
    } catch (error) {
      await retrySteps(engine.db, ofDeal, failureOf(error, engine), engine.clock(), engine.settings.maxAttempts);
    }
  }
}

import { ofKind, WORKER_KINDS, type ClaimedStep, type WorkerKind } from '../../store/step-kinds.js';
import { claimSteps } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { EXECUTORS, type Executor } from './executors.js';

/** Claims due steps of every kind the worker runs and carries them out, kind by kind, in shared batch calls. */
export async function runDueSteps(engine: Engine): Promise<number> {
  const steps = await claimSteps(engine.db, WORKER_KINDS, engine.clock(), engine.settings.stepBatchSize, engine.settings.leaseMs);
  if (steps.length === 0) return 0;
  for (const kind of WORKER_KINDS) await runKind(engine, kind, steps);
  return steps.length;
}

async function runKind<K extends WorkerKind>(engine: Engine, kind: K, steps: ClaimedStep[]): Promise<void> {
  const ofThisKind = ofKind(steps, kind);
  if (ofThisKind.length > 0) await (EXECUTORS[kind] as Executor<K>)(engine, ofThisKind);
}

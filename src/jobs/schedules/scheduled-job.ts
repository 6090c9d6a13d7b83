import type { Engine } from '../engine.js';
import { claimTick } from '../../store/schedule-store.js';

export const JOB_NAMES = ['silent-client-sweep', 'reconciliation-sweep', 'checkpoint-sweep', 'health-sweep', 'client-task-sweep', 'owners-refresh'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** A scheduled job: a plain function of the tick's moment, so tests run it without waiting for a clock. */
export interface ScheduledJob {
  name: JobName;
  /** Does the tick's work; returns counts for the log. Errors of one deal are caught inside, per deal. */
  run(tickAt: number): Promise<Record<string, number>>;
}

export type TickOutcome = 'ran' | 'failed' | 'taken by another replica';

/**
 * Runs one tick of a job if this process is the first to claim it (every replica's timer fires at the same
 * moment). A tick that fails is not retried: the next tick sweeps the same ground, since every sweep
 * recomputes what is due from the store and HubSpot.
 */
export async function runTick(engine: Engine, job: ScheduledJob, tickAt: number): Promise<TickOutcome> {
  const log = engine.log.child({ job: job.name, tickAt: new Date(tickAt).toISOString() });
  if (!(await claimTick(engine.db, job.name, tickAt))) {
    log.debug('scheduled tick already taken by another replica');
    return 'taken by another replica';
  }
  const started = engine.clock();
  try {
    const summary = await job.run(tickAt);
    log.info({ ...summary, ms: engine.clock() - started }, 'scheduled tick ran');
    return 'ran';
  } catch (error) {
    log.error({ err: { message: (error as Error).message } }, 'scheduled tick failed; the next tick sweeps again');
    return 'failed';
  }
}

import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Engine } from '../engine.js';
import { runTick, type JobName, type ScheduledJob } from './scheduled-job.js';

export type ScheduleExpressions = Record<JobName, string>;

export interface RunningSchedules {
  /** Stops the timers and waits for ticks under way. */
  stop(): Promise<void>;
}

/**
 * Starts one node-cron timer per job, in the playbook's time zone. Every replica runs the same timers; the tick's
 * moment (the scheduled second, not the moment the timer fired) is the key one replica claims.
 */
export function startSchedules(engine: Engine, jobs: ScheduledJob[], expressions: ScheduleExpressions): RunningSchedules {
  const running = new Set<Promise<unknown>>();
  const logger = cronLogger(engine.log);
  const tasks = jobs.map((job) =>
    cron.schedule(
      expressions[job.name],
      (context) => {
        const tick = runTick(engine, job, Math.floor(context.date.getTime() / 1000) * 1000);
        running.add(tick);
        return tick.finally(() => running.delete(tick));
      },
      { name: job.name, timezone: engine.playbook.timezone, noOverlap: true, logger },
    ),
  );
  engine.log.info({ schedules: Object.fromEntries(jobs.map((j) => [j.name, expressions[j.name]])), timezone: engine.playbook.timezone }, 'schedules started');
  return {
    async stop() {
      for (const task of tasks) await task.destroy();
      await Promise.allSettled([...running]);
    },
  };
}

/** node-cron's own messages (an overlapping or missed tick) go to our logger, not the console. */
function cronLogger(log: Logger) {
  return {
    info: (message: string) => log.debug({ component: 'node-cron' }, message),
    warn: (message: string) => log.warn({ component: 'node-cron' }, message),
    error: (message: string | Error) => log.error({ component: 'node-cron' }, String(message)),
    debug: (message: string | Error) => log.debug({ component: 'node-cron' }, String(message)),
  };
}

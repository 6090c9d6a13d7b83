import cron from 'node-cron';
import { z } from 'zod';

/** The settings of the scheduled jobs (src/jobs/schedules/): whether this process runs them, and when each runs. */

const cronExpression = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => cron.validate(v), `${name} must be a cron expression such as "0 8 * * *" (minute hour day month weekday, optional seconds first), in the playbook's time zone`);

export const SCHEDULE_SETTINGS = {
  SCHEDULES: z.enum(['on', 'off'], { error: 'SCHEDULES must be "on" or "off"' }).default('on'),
  // Silence is judged once a day before work starts; missed webhooks are caught within minutes; checkpoints daily.
  SCHEDULE_SILENT_SWEEP: cronExpression('SCHEDULE_SILENT_SWEEP').default('0 8 * * *'),
  SCHEDULE_RECONCILIATION: cronExpression('SCHEDULE_RECONCILIATION').default('*/10 * * * *'),
  SCHEDULE_CHECKPOINTS: cronExpression('SCHEDULE_CHECKPOINTS').default('30 7 * * *'),
  // Health daily after the silence sweep, so the day's silences are in it (they recompute health themselves too).
  SCHEDULE_HEALTH_SWEEP: cronExpression('SCHEDULE_HEALTH_SWEEP').default('15 8 * * *'),
  // Overdue client tasks in the morning of the playbook's time zone, when a reminder is read the same day.
  SCHEDULE_CLIENT_TASKS: cronExpression('SCHEDULE_CLIENT_TASKS').default('30 9 * * *'),
  // HubSpot's owners daily before the sweeps and the working day: the client page's team and "My onboardings".
  SCHEDULE_OWNERS_REFRESH: cronExpression('SCHEDULE_OWNERS_REFRESH').default('0 6 * * *'),
  // The analytics page's stored figures, recomputed well within their 10-minute freshness.
  SCHEDULE_ANALYTICS_REFRESH: cronExpression('SCHEDULE_ANALYTICS_REFRESH').default('*/5 * * * *'),
};

/** The scheduled jobs: when each runs (cron, in the playbook's time zone), or off for this process. */
export interface ScheduleConfig {
  enabled: boolean;
  silentClientSweep: string;
  reconciliationSweep: string;
  checkpointSweep: string;
  healthSweep: string;
  clientTaskSweep: string;
  ownersRefresh: string;
  analyticsRefresh: string;
}

type ScheduleEnv = z.output<z.ZodObject<typeof SCHEDULE_SETTINGS>>;

export function toScheduleConfig(e: ScheduleEnv): ScheduleConfig {
  return {
    enabled: e.SCHEDULES === 'on',
    silentClientSweep: e.SCHEDULE_SILENT_SWEEP,
    reconciliationSweep: e.SCHEDULE_RECONCILIATION,
    checkpointSweep: e.SCHEDULE_CHECKPOINTS,
    healthSweep: e.SCHEDULE_HEALTH_SWEEP,
    clientTaskSweep: e.SCHEDULE_CLIENT_TASKS,
    ownersRefresh: e.SCHEDULE_OWNERS_REFRESH,
    analyticsRefresh: e.SCHEDULE_ANALYTICS_REFRESH,
  };
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration of the schedules', () => {
  it('runs the five sweeps by default: silence daily at 08:00, reconciliation every 10 minutes, checkpoints daily at 07:30, health daily at 08:15, client tasks daily at 09:30', () => {
    expect(loadConfig({}).schedules).toEqual({
      enabled: true,
      silentClientSweep: '0 8 * * *',
      reconciliationSweep: '*/10 * * * *',
      checkpointSweep: '30 7 * * *',
      healthSweep: '15 8 * * *',
      clientTaskSweep: '30 9 * * *',
      ownersRefresh: '0 6 * * *',
    });
    expect(loadConfig({ SCHEDULES: 'off', SCHEDULE_RECONCILIATION: '*/2 * * * * *' }).schedules).toMatchObject({ enabled: false, reconciliationSweep: '*/2 * * * * *' });
  });

  it('names a bad cron expression and a bad switch, with what to write instead', () => {
    let error: unknown;
    try {
      loadConfig({ SCHEDULE_SILENT_SWEEP: 'every morning', SCHEDULES: 'yes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'SCHEDULES: SCHEDULES must be "on" or "off"',
      'SCHEDULE_SILENT_SWEEP: SCHEDULE_SILENT_SWEEP must be a cron expression such as "0 8 * * *" (minute hour day month weekday, optional seconds first), in the playbook\'s time zone',
    ]);
  });
});

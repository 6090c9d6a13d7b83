import { computeAnalyticsFigures, RANGES, type RangeDays } from '../analytics/analytics-figures.js';
import { createStoredAnalytics } from '../analytics/stored-analytics.js';
import { storedRanges } from '../../store/analytics-figures-store.js';
import type { Engine } from '../engine.js';
import type { ScheduledJob } from './scheduled-job.js';

/** Figures at least this old are recomputed by a tick (every 5 minutes by default), so a page view finds them fresh. */
const REFRESH_AGE_MS = 4 * 60_000;

/**
 * Recomputes the stored analytics of every range someone has asked for, one range after the other, so the page is
 * served from the store and no viewer waits for the aggregation. A range nobody asked for is not computed.
 */
export function createAnalyticsRefresh(engine: Engine): ScheduledJob {
  const analytics = createStoredAnalytics({
    db: engine.db,
    clock: engine.clock,
    timezone: engine.calendar.timezone,
    compute: (rangeDays, asOf) => computeAnalyticsFigures(engine.db, engine.calendar, rangeDays, asOf),
  });
  return {
    name: 'analytics-refresh',
    async run() {
      const counts = { recomputed: 0, fresh: 0, taken: 0 };
      for (const rangeDays of await storedRanges(engine.db)) {
        if (!(RANGES as readonly number[]).includes(rangeDays)) continue;
        const outcome = await analytics.refresh(rangeDays as RangeDays, REFRESH_AGE_MS);
        if (outcome === 'recomputed') counts.recomputed += 1;
        else if (outcome === 'fresh') counts.fresh += 1;
        else counts.taken += 1;
      }
      return counts;
    },
  };
}

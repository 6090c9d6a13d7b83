import { MAX_BATCH } from '../../hubspot/hubspot-port.js';
import { dueOpenTasks, recordTaskCompletions } from '../../store/health-inputs.js';
import { listOnboardingDeals } from '../../store/sweep-reads.js';
import type { Engine } from '../engine.js';
import { recomputeDealHealth } from '../health/recompute-health.js';
import type { ScheduledJob } from './scheduled-job.js';

type Counts = { deals: number; tasksAsked: number; tasksDone: number; changed: number; failed: number };

/**
 * Recomputes every onboarding deal's health, a page of deals at a time. Time alone makes a deal stuck or moves its
 * projected go-live, and first100 learns that its tasks were completed only by asking: the due tasks it still
 * counts as open are read from HubSpot first (one batch read per 100). Only what changed is written, once.
 */
export function createHealthSweep(engine: Engine, kick: () => void): ScheduledJob {
  return {
    name: 'health-sweep',
    async run(tickAt) {
      const counts: Counts = { deals: 0, tasksAsked: 0, tasksDone: 0, changed: 0, failed: 0 };
      for (let after = ''; ; ) {
        const page = await listOnboardingDeals(engine.db, after, MAX_BATCH);
        if (page.length === 0) break;
        after = page[page.length - 1]!.dealId;
        const unread = await learnCompletions(engine, page.map((d) => d.dealId), tickAt, counts);
        for (const deal of page) {
          // Without its tasks' answers a deal could look behind for tasks already done: it waits for the next sweep.
          if (unread.has(deal.dealId)) continue;
          counts.deals += 1;
          try {
            const recomputed = await engine.db.transaction((tx) => recomputeDealHealth(tx, engine, deal.dealId, tickAt));
            if (recomputed && Object.keys(recomputed.changed).length > 0) counts.changed += 1;
          } catch (error) {
            counts.failed += 1;
            engine.log.warn({ dealId: deal.dealId, err: { message: (error as Error).message } }, 'could not recompute this deal\'s health; the next sweep retries');
          }
        }
      }
      if (counts.changed > 0) kick();
      return counts;
    },
  };
}

/** Records which due tasks were completed in HubSpot; returns the deals whose tasks could not be read. */
async function learnCompletions(engine: Engine, dealIds: string[], now: number, counts: Counts): Promise<Set<string>> {
  const due = await dueOpenTasks(engine.db, dealIds, now);
  if (due.length === 0) return new Set();
  counts.tasksAsked += due.length;
  try {
    const done = await engine.hubspot.readTaskCompletions(due.map((t) => t.taskId));
    const completions = due.filter((t) => done.has(t.taskId)).map((t) => ({ ...t, completedAt: done.get(t.taskId) ?? now }));
    await recordTaskCompletions(engine.db, completions);
    counts.tasksDone += completions.length;
    return new Set();
  } catch (error) {
    counts.failed += 1;
    engine.log.warn({ err: { message: (error as Error).message } }, 'health sweep could not read the tasks\' status; those deals wait for the next sweep');
    return new Set(due.map((t) => t.dealId));
  }
}

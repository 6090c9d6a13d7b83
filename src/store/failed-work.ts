import type { Queryable } from './db.js';
import { kindsWhere, sqlList } from './step-kinds.js';

/**
 * Puts failed work back in the queue, due now, with its attempts reset. A create comes back in doubt, so HubSpot is
 * asked for its marker before anything is created again. Returns how many rows of each table were re-queued.
 */
export async function requeueFailedWork(db: Queryable, now: number): Promise<{ stageChanges: number; steps: number; privacyDeletions: number }> {
  const creates = sqlList(kindsWhere((rule) => rule.creates));
  const count = async (sql: string) => (await db.query(sql, [now])).length;
  return {
    stageChanges: await count(`UPDATE stage_changes SET status = 'pending', attempts = 0, run_at = $1, locked_until = NULL WHERE status = 'failed' RETURNING id`),
    steps: await count(
      `UPDATE steps SET status = CASE WHEN kind IN (${creates}) THEN 'sending' ELSE 'pending' END, attempts = 0, run_at = $1::bigint,
              locked_until = CASE WHEN kind IN (${creates}) THEN $1::bigint ELSE NULL END, updated_at = now()
        WHERE status = 'failed' RETURNING id`,
    ),
    privacyDeletions: await count(`UPDATE privacy_deletions SET status = 'pending', attempts = 0, run_at = $1, locked_until = NULL WHERE status = 'failed' RETURNING id`),
  };
}

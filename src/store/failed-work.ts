import type { Queryable } from './db.js';
import { kindsWhere, sqlList } from './step-kinds.js';

export interface WorkBacklog {
  /** Given up on after a refusal that cannot change; `first100 retry` puts them back once the cause is fixed. */
  failed: { stageChanges: number; steps: number; privacyDeletions: number };
  /** Due work that failed at least once and is waiting for another attempt (HubSpot down, a rate limit…). */
  retrying: number;
  /** The oldest first attempt among the work still retrying, epoch ms; null when nothing retries. */
  retryingSince: number | null;
}

export async function readWorkBacklog(db: Queryable): Promise<WorkBacklog> {
  const [row] = await db.query<Record<string, string | number | null>>(
    `SELECT (SELECT count(*) FROM stage_changes WHERE status = 'failed')::int AS stage_changes,
            (SELECT count(*) FROM steps WHERE status = 'failed')::int AS steps,
            (SELECT count(*) FROM privacy_deletions WHERE status = 'failed')::int AS privacy_deletions,
            (SELECT count(*) FROM steps WHERE status IN ('pending', 'sending') AND last_error IS NOT NULL)::int
              + (SELECT count(*) FROM stage_changes WHERE status IN ('pending', 'running') AND last_error IS NOT NULL)::int AS retrying,
            (SELECT min(extract(epoch FROM created_at) * 1000) FROM steps WHERE status IN ('pending', 'sending') AND last_error IS NOT NULL) AS retrying_since`,
  );
  return {
    failed: { stageChanges: Number(row?.stage_changes ?? 0), steps: Number(row?.steps ?? 0), privacyDeletions: Number(row?.privacy_deletions ?? 0) },
    retrying: Number(row?.retrying ?? 0),
    retryingSince: row?.retrying_since === null || row?.retrying_since === undefined ? null : Math.round(Number(row.retrying_since)),
  };
}

/**
 * Puts failed work back in the queue, due now, with its attempts reset. A create comes back in doubt, so HubSpot is
 * asked for its marker before anything is created again. Returns how many rows of each table were re-queued.
 */
export async function requeueFailedWork(db: Queryable, now: number): Promise<WorkBacklog['failed']> {
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

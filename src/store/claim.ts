import type { Queryable } from './db.js';

export interface ClaimOptions {
  /** Each of these tables carries status, run_at, attempts and locked_until. */
  table: 'stage_changes' | 'steps' | 'privacy_deletions';
  /** The status a claimed row takes while its work is under way. */
  working: 'running' | 'sending';
  /** Extra SQL condition on the rows; it may use $4 onward. */
  where?: string;
  params?: unknown[];
  now: number;
  limit: number;
  leaseMs: number;
}

/**
 * Claims up to `limit` rows that are due, or whose worker's lease ran out (it died): safe with several
 * processes on one database (SKIP LOCKED). `prior_status` tells a fresh row from one left in doubt.
 */
export async function claimRows<T>(db: Queryable, o: ClaimOptions): Promise<(T & { prior_status: string })[]> {
  return db.query(
    `WITH due AS (
       SELECT id, status AS prior_status FROM ${o.table}
        WHERE ((status = 'pending' AND run_at <= $1) OR (status = '${o.working}' AND locked_until <= $1))
          ${o.where ? `AND ${o.where}` : ''}
        ORDER BY run_at, id
        LIMIT $2
        FOR UPDATE SKIP LOCKED)
     UPDATE ${o.table} t
        SET status = '${o.working}', attempts = t.attempts + 1, locked_until = $1 + $3
       FROM due WHERE t.id = due.id
     RETURNING t.*, due.prior_status`,
    [o.now, o.limit, o.leaseMs, ...(o.params ?? [])],
  );
}

/** Exponential backoff with a ceiling: 1 s, 2 s, 4 s … 15 min. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 15 * 60 * 1000);
}

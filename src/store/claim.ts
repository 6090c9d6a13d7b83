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

/** The longest wait between two attempts: a HubSpot outage is retried every few minutes for as long as it lasts. */
export const MAX_BACKOFF_MS = 5 * 60 * 1000;

/** Exponential backoff with a ceiling: 1 s, 2 s, 4 s … 5 min. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** How long HubSpot's search may take to show an object just created (HUBSPOT-FACTS §4.8: seconds). */
export const IN_DOUBT_SETTLE_MS = 10_000;

/** Why an attempt did not finish, and what that means for the next one (src/jobs/retry-policy.ts decides it). */
export interface AttemptFailure {
  /** Kept on the row: HubSpot's own reason when it refused. */
  reason: string;
  /** HubSpot (or the mail server) may recover by itself: the row waits and is tried again, never given up. */
  transient: boolean;
  /** The write may have been applied: the next attempt looks for it before writing again. */
  inDoubt: boolean;
  /** A fixed wait instead of the backoff (a used-up daily limit waits for the account's midnight). */
  delayMs?: number;
}

export interface RetryOptions {
  table: ClaimOptions['table'];
  working: ClaimOptions['working'];
  now: number;
  /** A failure that is not transient fails the row once it has had this many attempts. */
  maxAttempts: number;
}

/**
 * The one rule for a row whose attempt failed: a transient failure waits (backoff capped at a few minutes) and is
 * tried again for as long as it takes; a refusal that cannot change fails after its attempts, keeping the reason;
 * a write in doubt stays `working` until its run time, so the next claim sees it was in doubt and looks first.
 */
export async function retryRows(db: Queryable, rows: { id: string; attempts: number }[], failure: AttemptFailure, o: RetryOptions): Promise<void> {
  if (rows.length === 0) return;
  const wait = (attempts: number) => failure.delayMs ?? Math.max(backoffMs(attempts), failure.inDoubt ? IN_DOUBT_SETTLE_MS : 0);
  const due = rows.map((r) => ({ id: r.id, run_at: o.now + wait(r.attempts) }));
  await db.query(
    `UPDATE ${o.table} t
        SET status = CASE WHEN NOT $4 AND t.attempts >= $2 THEN 'failed' WHEN $5 THEN '${o.working}' ELSE 'pending' END,
            run_at = x.run_at, locked_until = CASE WHEN $5 THEN x.run_at ELSE NULL END, last_error = $3
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, run_at bigint)
      WHERE t.id = x.id`,
    [JSON.stringify(due), o.maxAttempts, failure.reason, failure.transient, failure.inDoubt],
  );
}

import type { Queryable } from './db.js';

/**
 * Puts claimed steps back to wait until `runAt`, as if never claimed: waiting for something to happen is not a
 * failed attempt, so it neither counts against the step's attempts nor leaves an error on it.
 */
export async function waitSteps(db: Queryable, stepIds: string[], runAt: number): Promise<void> {
  if (stepIds.length === 0) return;
  await db.query(
    `UPDATE steps SET status = 'pending', run_at = $2, attempts = GREATEST(attempts - 1, 0), locked_until = NULL, last_error = NULL, updated_at = now()
      WHERE id = ANY($1::bigint[])`,
    [stepIds, runAt],
  );
}

/** Wakes a deal's emails of these templates that fell due and wait: the PM just recorded what they wait for. */
export async function wakeWaitingEmails(db: Queryable, dealId: string, templates: string[], now: number): Promise<number> {
  const rows = await db.query(
    `UPDATE steps SET run_at = $2, updated_at = now()
      WHERE deal_id = $1 AND kind = 'email' AND status = 'pending' AND payload ? 'afterTask' AND payload->>'template' = ANY($3::text[])
        AND due_at <= $2 AND run_at > $2
      RETURNING id`,
    [dealId, now, templates],
  );
  return rows.length;
}

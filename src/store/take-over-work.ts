import type { Queryable } from './db.js';
import { IN_DOUBT_SETTLE_MS } from './claim.js';

/**
 * On the embedded database the data-directory lock proves that no other process is working: rows still claimed
 * were left by a process that died (kill -9, power loss). Taking them over at once, instead of waiting out their
 * lease, lets a restart carry on straight away; steps that were being sent come back "in doubt", so HubSpot is
 * asked what exists before anything is created again, once its search index has caught up with a create made
 * just before the crash. Not for PostgreSQL, where the claims may be live replicas'.
 */
export async function takeOverOrphanedWork(db: Queryable, now: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `WITH stages AS (
       UPDATE stage_changes SET locked_until = $1 WHERE status = 'running' AND locked_until > $1 RETURNING 1),
     steps AS (
       UPDATE steps SET locked_until = $2 WHERE status = 'sending' AND locked_until > $2 RETURNING 1)
     SELECT (SELECT count(*) FROM stages)::int + (SELECT count(*) FROM steps)::int AS n`,
    [now, now + IN_DOUBT_SETTLE_MS],
  );
  return Number(row?.n ?? 0);
}

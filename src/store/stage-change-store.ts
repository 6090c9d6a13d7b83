import type { Db, Queryable } from './db.js';
import { claimRows, retryRows, type AttemptFailure } from './claim.js';

export interface IncomingStageChange {
  eventId: string;
  portalId: string;
  dealId: string;
  stageId: string;
  occurredAt: number;
}

export interface ClaimedStageChange extends IncomingStageChange {
  id: string;
  attempts: number;
}

/**
 * Stores stage changes durably, once each: HubSpot's eventId is not unique, so the key is what changed, where and when.
 * Returns how many were new.
 */
export async function recordStageChanges(db: Queryable, changes: IncomingStageChange[], now: number): Promise<number> {
  if (changes.length === 0) return 0;
  const rows = changes.map((c) => ({
    dedupe_key: `${c.portalId}:${c.dealId}:dealstage:${c.stageId}:${c.occurredAt}`,
    event_id: c.eventId,
    portal_id: c.portalId,
    deal_id: c.dealId,
    stage_id: c.stageId,
    occurred_at: c.occurredAt,
  }));
  // Counting in SQL rather than returning the rows halves the time on PGlite, where results are parsed in JS.
  const [inserted] = await db.query<{ n: number }>(
    `WITH inserted AS (
       INSERT INTO stage_changes (dedupe_key, event_id, portal_id, deal_id, stage_id, occurred_at, run_at)
       SELECT x.dedupe_key, x.event_id, x.portal_id, x.deal_id, x.stage_id, x.occurred_at, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(dedupe_key text, event_id text, portal_id text, deal_id text, stage_id text, occurred_at bigint)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [JSON.stringify(rows), now],
  );
  return Number(inserted?.n ?? 0);
}

interface StageChangeRow {
  id: string | number;
  event_id: string;
  portal_id: string;
  deal_id: string;
  stage_id: string;
  occurred_at: string | number;
  attempts: number;
}

export async function claimStageChanges(db: Db, now: number, limit: number, leaseMs: number): Promise<ClaimedStageChange[]> {
  const rows = await claimRows<StageChangeRow>(db, { table: 'stage_changes', working: 'running', now, limit, leaseMs });
  return rows
    .map((r) => ({
      id: String(r.id),
      eventId: r.event_id,
      portalId: r.portal_id,
      dealId: r.deal_id,
      stageId: r.stage_id,
      occurredAt: Number(r.occurred_at),
      attempts: Number(r.attempts),
    }))
    .sort((a, b) => a.occurredAt - b.occurredAt);
}

export async function finishStageChange(tx: Queryable, id: string, outcome: string): Promise<void> {
  await tx.query(`UPDATE stage_changes SET status = 'done', outcome = $2, locked_until = NULL WHERE id = $1`, [id, outcome]);
}

/** Puts stage changes back for a later attempt by the one retry rule (src/store/claim.ts), keeping the reason. */
export async function retryStageChanges(db: Db, changes: Pick<ClaimedStageChange, 'id' | 'attempts'>[], failure: AttemptFailure, now: number, maxAttempts: number): Promise<void> {
  await retryRows(db, changes, { ...failure, inDoubt: false }, { table: 'stage_changes', working: 'running', now, maxAttempts });
}

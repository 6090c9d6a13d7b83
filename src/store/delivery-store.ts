import type { Db, Queryable } from './db.js';
import { recordPrivacyDeletions, type IncomingPrivacyDeletion } from './privacy-deletion-store.js';
import { recordStageChanges, type IncomingStageChange } from './stage-change-store.js';
import { recordTaskCompletionEvents, type IncomingTaskCompletion } from './task-completion-events.js';

/** A malformed webhook event, as kept: which one and why, never its values (they may hold personal data). */
export interface SetAsideEvent {
  eventId: string | null;
  portalId: string | null;
  subscriptionType: string | null;
  reason: string;
}

export interface StoredDelivery {
  changes: IncomingStageChange[];
  deletions: IncomingPrivacyDeletion[];
  completions: IncomingTaskCompletion[];
  setAside: SetAsideEvent[];
}

/**
 * Stores what one webhook delivery asks for, all of it or none: the caller acknowledges only after this resolves.
 * Returns how many events were new. The common delivery (stage changes only) is one statement, no transaction.
 */
export async function recordDelivery(db: Db, d: StoredDelivery, now: number): Promise<number> {
  if (d.deletions.length === 0 && d.completions.length === 0 && d.setAside.length === 0) return recordStageChanges(db, d.changes, now);
  return db.transaction(async (tx) => {
    const stored = (await recordStageChanges(tx, d.changes, now)) + (await recordPrivacyDeletions(tx, d.deletions, now)) + (await recordTaskCompletionEvents(tx, d.completions, now));
    await recordSetAside(tx, d.setAside, now);
    return stored;
  });
}

async function recordSetAside(tx: Queryable, events: SetAsideEvent[], now: number): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ event_id: e.eventId, portal_id: e.portalId, subscription_type: e.subscriptionType, reason: e.reason }));
  await tx.query(
    `INSERT INTO set_aside_events (received_at, event_id, portal_id, subscription_type, reason)
     SELECT $2, x.event_id, x.portal_id, x.subscription_type, x.reason
       FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, portal_id text, subscription_type text, reason text)`,
    [JSON.stringify(rows), now],
  );
}

/** How many malformed webhook events were set aside since `sinceMs` (all of them without it), for the status page. */
export async function countSetAsideEvents(db: Queryable, sinceMs = 0): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM set_aside_events WHERE received_at >= $1', [sinceMs]);
  return Number(row?.n ?? 0);
}

import type { Db, Queryable } from './db.js';
import { claimRows, retryRows, type AttemptFailure } from './claim.js';

export interface IncomingPrivacyDeletion {
  eventId: string;
  portalId: string;
  contactId: string;
  occurredAt: number;
}

export interface ClaimedPrivacyDeletion {
  id: string;
  contactId: string;
  attempts: number;
}

/**
 * Stores requests to forget a contact, once each (HubSpot may deliver one several times). The row keeps the
 * contact's id only: it is what the purge needs, and it tells later work that this contact is gone.
 */
export async function recordPrivacyDeletions(tx: Queryable, deletions: IncomingPrivacyDeletion[], now: number): Promise<number> {
  if (deletions.length === 0) return 0;
  const rows = deletions.map((d) => ({
    dedupe_key: `${d.portalId}:${d.contactId}`,
    event_id: d.eventId,
    portal_id: d.portalId,
    contact_id: d.contactId,
    occurred_at: d.occurredAt,
  }));
  const [inserted] = await tx.query<{ n: number }>(
    `WITH inserted AS (
       INSERT INTO privacy_deletions (dedupe_key, event_id, portal_id, contact_id, occurred_at, run_at)
       SELECT x.dedupe_key, x.event_id, x.portal_id, x.contact_id, x.occurred_at, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(dedupe_key text, event_id text, portal_id text, contact_id text, occurred_at bigint)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [JSON.stringify(rows), now],
  );
  return Number(inserted?.n ?? 0);
}

export async function claimPrivacyDeletions(db: Db, now: number, limit: number, leaseMs: number): Promise<ClaimedPrivacyDeletion[]> {
  const rows = await claimRows<{ id: string | number; contact_id: string; attempts: number }>(db, {
    table: 'privacy_deletions',
    working: 'running',
    now,
    limit,
    leaseMs,
  });
  return rows.map((r) => ({ id: String(r.id), contactId: r.contact_id, attempts: Number(r.attempts) }));
}

export async function finishPrivacyDeletion(tx: Queryable, id: string, outcome: string): Promise<void> {
  await tx.query(`UPDATE privacy_deletions SET status = 'done', outcome = $2, locked_until = NULL, last_error = NULL WHERE id = $1`, [id, outcome]);
}

/** A purge is never given up: it is retried with backoff until it succeeds. */
export async function retryPrivacyDeletion(db: Db, deletion: ClaimedPrivacyDeletion, failure: AttemptFailure, now: number, maxAttempts: number): Promise<void> {
  await retryRows(db, [deletion], { ...failure, inDoubt: false }, { table: 'privacy_deletions', working: 'running', now, maxAttempts });
}

/** Which of these contacts were deleted for privacy: work planned from an older read of HubSpot must leave them out. */
export async function deletedContacts(tx: Queryable, contactIds: string[]): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await tx.query<{ contact_id: string }>('SELECT contact_id FROM privacy_deletions WHERE contact_id = ANY($1::text[])', [contactIds]);
  return new Set(rows.map((r) => r.contact_id));
}

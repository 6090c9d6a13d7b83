import type { Queryable } from './db.js';

/** HubSpot hears of a client's visits at most once an hour per deal: a busy page never spends the call budget. */
export const CLIENT_SEEN_EVERY_MS = 3600_000;

/**
 * Records that a contact used their page, in their own visit row (deleted with the contact). True at most once an
 * hour per deal: then the caller writes `first100_client_last_seen` on the deal. The deal's row must be locked.
 */
export async function recordClientVisit(tx: Queryable, dealId: string, contactId: string, now: number): Promise<boolean> {
  await tx.query(
    `INSERT INTO client_visits (deal_id, contact_id, last_seen_at) VALUES ($1, $2, $3)
     ON CONFLICT (deal_id, contact_id) DO UPDATE SET last_seen_at = GREATEST(client_visits.last_seen_at, EXCLUDED.last_seen_at)`,
    [dealId, contactId, now],
  );
  const due = await tx.query(
    `UPDATE deal_onboarding SET client_seen_written_at = $2::bigint
      WHERE deal_id = $1 AND (client_seen_written_at IS NULL OR client_seen_written_at <= $2::bigint - $3::bigint) RETURNING 1`,
    [dealId, now, CLIENT_SEEN_EVERY_MS],
  );
  return due.length > 0;
}

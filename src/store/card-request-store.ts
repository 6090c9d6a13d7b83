import type { Queryable } from './db.js';
import { fingerprintOf } from './request-fingerprint.js';

export interface CardRequest {
  requestId: string;
  dealId: string;
  action: string;
  actorUserId: string;
  /** What the request asks (its body without the requestId): a repeat must ask the same. */
  content: unknown;
}

export type RequestClaim = { fresh: true } | { fresh: false; sameRequest: boolean };

/**
 * Records a card write's request id inside the write's own transaction, so the write happens once: a repeat
 * (HubSpot retries once on 5xx; people double-click) finds the id and does nothing; a concurrent repeat waits
 * for the first to commit. A write that fails rolls its id back with it, so its retry runs for real. The same id
 * with another deal, action, user or body is not a repeat (`sameRequest: false`): the caller refuses it.
 */
export async function claimCardRequest(tx: Queryable, r: CardRequest): Promise<RequestClaim> {
  const fingerprint = fingerprintOf(r.content);
  const inserted = await tx.query(
    `INSERT INTO card_requests (request_id, deal_id, action, actor_user_id, fingerprint) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
    [r.requestId, r.dealId, r.action, r.actorUserId, fingerprint],
  );
  if (inserted.length > 0) return { fresh: true };
  const [row] = await tx.query<{ deal_id: string; action: string; actor_user_id: string; fingerprint: string | null }>(
    'SELECT deal_id, action, actor_user_id, fingerprint FROM card_requests WHERE request_id = $1',
    [r.requestId],
  );
  // Requests recorded before fingerprints were kept compare on the rest.
  const sameBody = row?.fingerprint === null || row?.fingerprint === fingerprint;
  return { fresh: false, sameRequest: row?.deal_id === r.dealId && row.action === r.action && row.actor_user_id === r.actorUserId && sameBody };
}

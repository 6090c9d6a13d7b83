import type { Queryable } from './db.js';

export interface CardRequest {
  requestId: string;
  dealId: string;
  action: string;
  actorUserId: string;
}

export type RequestClaim = { fresh: true } | { fresh: false; sameRequest: boolean };

/**
 * Records a card write's request id inside the write's own transaction, so the write happens once: a repeat
 * (HubSpot retries once on 5xx; people double-click) finds the id and does nothing; a concurrent repeat waits
 * for the first to commit. A write that fails rolls its id back with it, so its retry runs for real.
 */
export async function claimCardRequest(tx: Queryable, r: CardRequest): Promise<RequestClaim> {
  const inserted = await tx.query(
    `INSERT INTO card_requests (request_id, deal_id, action, actor_user_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
    [r.requestId, r.dealId, r.action, r.actorUserId],
  );
  if (inserted.length > 0) return { fresh: true };
  const [row] = await tx.query<{ deal_id: string; action: string; actor_user_id: string }>(
    'SELECT deal_id, action, actor_user_id FROM card_requests WHERE request_id = $1',
    [r.requestId],
  );
  return { fresh: false, sameRequest: row?.deal_id === r.dealId && row.action === r.action && row.actor_user_id === r.actorUserId };
}

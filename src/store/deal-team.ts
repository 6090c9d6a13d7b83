import type { DealSnapshot } from '../domain/deal.js';
import type { Queryable } from './db.js';

/**
 * Remembers the deal's owner (the rep who closed) as the engine last read it from HubSpot, so the client's page names
 * its team from the store and never asks HubSpot during a client's request (the PM's owner id is kept beside it by
 * recordDealIdentity). An owner removed in HubSpot is removed here at the next read. The deal's row must exist.
 */
export async function recordDealTeam(tx: Queryable, deal: Pick<DealSnapshot, 'id' | 'ownerId'>): Promise<void> {
  await tx.query('UPDATE deal_onboarding SET rep_owner_id = $2 WHERE deal_id = $1 AND rep_owner_id IS DISTINCT FROM $2', [deal.id, deal.ownerId]);
}

import type { DealSnapshot } from '../domain/deal.js';
import type { Queryable } from './db.js';

/**
 * Remembers the deal's owner (the rep who closed) and its PM owner as the engine last read them from HubSpot, so the
 * client's page names its team from the store and never asks HubSpot during a client's request. An owner removed
 * in HubSpot is removed here at the next read. The deal's row must exist (lockDealState).
 */
export async function recordDealTeam(tx: Queryable, deal: Pick<DealSnapshot, 'id' | 'ownerId' | 'pmOwnerId'>): Promise<void> {
  await tx.query(
    `UPDATE deal_onboarding SET rep_owner_id = $2, pm_owner_id = $3
      WHERE deal_id = $1 AND (rep_owner_id IS DISTINCT FROM $2 OR pm_owner_id IS DISTINCT FROM $3)`,
    [deal.id, deal.ownerId, deal.pmOwnerId],
  );
}

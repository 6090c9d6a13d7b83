import type { Db } from './db.js';
import { recordPrivacyDeletions, type IncomingPrivacyDeletion } from './privacy-deletion-store.js';
import { recordStageChanges, type IncomingStageChange } from './stage-change-store.js';

/**
 * Stores what one webhook delivery asks for, all of it or none: the caller acknowledges only after this resolves.
 * Returns how many events were new. The common delivery (stage changes only) is one statement, no transaction.
 */
export async function recordDelivery(
  db: Db,
  d: { changes: IncomingStageChange[]; deletions: IncomingPrivacyDeletion[] },
  now: number,
): Promise<number> {
  if (d.deletions.length === 0) return recordStageChanges(db, d.changes, now);
  return db.transaction(async (tx) => (await recordStageChanges(tx, d.changes, now)) + (await recordPrivacyDeletions(tx, d.deletions, now)));
}

import { rm } from 'node:fs/promises';
import { claimPrivacyDeletions, finishPrivacyDeletion, retryPrivacyDeletion } from '../../store/privacy-deletion-store.js';
import { purgeContact } from '../../store/purge-contact.js';
import type { Engine } from '../engine.js';

/**
 * Carries out stored privacy deletions: each contact's data leaves every store table, pending step and outbox
 * file in one transaction. Logs name the contact by id with counts, never the data. Returns how many it handled.
 */
export async function purgeDeletedContacts(engine: Engine): Promise<number> {
  const { db, log } = engine;
  const claimed = await claimPrivacyDeletions(db, engine.clock(), 20, engine.settings.leaseMs);
  for (const deletion of claimed) {
    try {
      const { counts, files } = await db.transaction(async (tx) => {
        const result = await purgeContact(tx, deletion.contactId, { outboxDir: engine.mail?.outboxDir });
        // Files go before the commit: if the commit fails, the purge runs again and finds them gone.
        await Promise.all(result.files.map((file) => rm(file, { force: true })));
        await finishPrivacyDeletion(tx, deletion.id, `purged: ${JSON.stringify(result.counts)}, ${result.files.length} files`);
        return result;
      });
      log.info({ contactId: deletion.contactId, counts, files: files.length }, 'contact purged after a HubSpot privacy deletion');
    } catch (error) {
      log.warn({ contactId: deletion.contactId, err: { message: (error as Error).message } }, 'could not purge a deleted contact yet; it will be retried');
      // Nothing else would ever bring a privacy deletion back: it is retried for as long as it fails.
      await retryPrivacyDeletion(db, deletion, { reason: (error as Error).message, transient: true, inDoubt: false }, engine.clock(), engine.settings.maxAttempts);
    }
  }
  return claimed.length;
}

import { archiveOwnersNotSeenSince, storeOwners } from '../../store/owner-store.js';
import type { Engine } from '../engine.js';
import type { ScheduledJob } from './scheduled-job.js';

/** 500 owners a page: a bound far past any account's size, so a paging token that never ends cannot loop forever. */
const MAX_PAGES = 2_000;

/**
 * Reads the account's active owners page by page and stores each page as it comes, so the client's page names its
 * team and "My onboardings" knows the signed-in user without asking HubSpot during a request. Once the list is read
 * to its end, the stored owners it no longer gave are marked archived; a refresh that fails midway archives nothing.
 */
export function createOwnersRefresh(engine: Engine): ScheduledJob {
  return {
    name: 'owners-refresh',
    async run() {
      const startedAt = engine.clock();
      let owners = 0;
      let pages = 0;
      let after: string | undefined;
      do {
        if (pages >= MAX_PAGES) throw new Error(`HubSpot's owners list did not end after ${MAX_PAGES} pages; nothing was archived`);
        const page = await engine.hubspot.listOwners(after);
        await storeOwners(engine.db, page.owners, startedAt);
        owners += page.owners.length;
        pages += 1;
        after = page.after;
      } while (after);
      const archived = await archiveOwnersNotSeenSince(engine.db, startedAt);
      return { pages, owners, archived };
    },
  };
}

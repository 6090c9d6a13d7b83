import { mappedStageIds, missedStageChange, type SearchedDeal } from '../../domain/missed-stage-change.js';
import { MAX_BATCH } from '../../hubspot/hubspot-port.js';
import { advanceCursor, readCursor, readWatchStart } from '../../store/schedule-store.js';
import { recordStageChanges } from '../../store/stage-change-store.js';
import { latestRecordedStages } from '../../store/sweep-reads.js';
import type { Engine } from '../engine.js';
import { epochMs } from '../../hubspot/epoch-ms.js';
import type { ScheduledJob } from './scheduled-job.js';

export interface ReconciliationSettings {
  /** Recorded on replayed changes, as a webhook's would be. */
  portalId: string;
  /** Deals per search page (HubSpot allows 200; 100 keeps each page's work small). */
  pageSize?: number;
  /** Pages per tick; the next tick goes on from the cursor (one search query stops at 10,000 results). */
  maxPages?: number;
  /** How far before the cursor each search starts: HubSpot's search index lags writes by seconds. */
  overlapMs?: number;
}

const NAME = 'reconciliation-sweep';

/**
 * Replays the stage changes webhooks missed: searches the deals modified since its cursor, oldest first, and
 * records a change for each deal whose stage differs from the last one first100 recorded, through the same store
 * function as the webhook (same dedupe, same ordering rules). The cursor moves only after a page is recorded.
 */
export function createReconciliationSweep(engine: Engine, kick: () => void, settings: ReconciliationSettings): ScheduledJob {
  const pageSize = Math.min(settings.pageSize ?? MAX_BATCH, MAX_BATCH);
  const maxPages = settings.maxPages ?? 20;
  const overlapMs = settings.overlapMs ?? 5 * 60_000;
  const stages = mappedStageIds(engine.playbook);
  const properties = ['dealstage', 'pipeline', 'hs_lastmodifieddate', ...stages.map((s) => `hs_v2_date_entered_${s}`)];
  return {
    name: NAME,
    async run(tickAt) {
      // Changes from before first100 watched are history, not "missed": no search, not even the first, reaches back
      // past the moment it started watching, and no stage it cannot date after that moment is replayed.
      const watchingSince = (await readWatchStart(engine.db)) ?? tickAt;
      const cursor = (await readCursor(engine.db, NAME)) ?? watchingSince;
      const since = Math.max(cursor - overlapMs, watchingSince);
      const counts = { pages: 0, deals: 0, replayed: 0 };
      let position = cursor;
      let after: string | undefined;
      do {
        const page = await engine.hubspot.searchDealsModifiedSince({ since, properties, limit: pageSize, ...(after ? { after } : {}) });
        const deals = page.deals.flatMap((d) => {
          const searched = toSearchedDeal(d.id, d.properties);
          return searched ? [searched] : [];
        });
        const recorded = await latestRecordedStages(engine.db, deals.map((d) => d.id));
        const missed = deals.flatMap((d) => missedStageChange(d, recorded.get(d.id), engine.playbook, since, watchingSince) ?? []);
        counts.replayed += await recordStageChanges(
          engine.db,
          missed.map((c) => ({ ...c, eventId: 'reconciliation', portalId: settings.portalId })),
          engine.clock(),
        );
        position = Math.max(position, ...deals.map((d) => d.modifiedAt));
        await advanceCursor(engine.db, NAME, position);
        counts.pages += 1;
        counts.deals += page.deals.length;
        after = page.after;
      } while (after && counts.pages < maxPages);
      if (counts.replayed > 0) kick();
      return counts;
    },
  };
}

function toSearchedDeal(id: string, p: Record<string, string | null>): SearchedDeal | null {
  const modifiedAt = epochMs(p.hs_lastmodifieddate);
  if (modifiedAt === null) return null;
  const stageId = p.dealstage || null;
  return {
    id,
    pipeline: p.pipeline || null,
    stageId,
    enteredStageAt: stageId ? epochMs(p[`hs_v2_date_entered_${stageId}`]) : null,
    modifiedAt,
  };
}

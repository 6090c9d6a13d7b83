import type { StageChange } from './deal.js';
import { resolveStage } from './plan-stage-change.js';
import type { Playbook } from './playbook-schema.js';

/** A deal as the reconciliation search returns it: its stage now, and when HubSpot says it got there. */
export interface SearchedDeal {
  id: string;
  pipeline: string | null;
  stageId: string | null;
  /** `hs_v2_date_entered_<stage>` of the current stage, when HubSpot has it. */
  enteredStageAt: number | null;
  /** `hs_lastmodifieddate`: never earlier than the last stage change. */
  modifiedAt: number;
}

export interface RecordedStage {
  stageId: string;
  occurredAt: number;
}

/**
 * The stage change a webhook should have brought and did not: the deal's stage differs from the last one first100
 * recorded, the stage means something in the playbook, and HubSpot dates the deal's entry into it at or after the
 * moment first100 started watching (`watchingSince`). A stage HubSpot cannot date so (`hs_v2_date_entered_<stage>`
 * empty: imports, records older than the property, or an entry from before) is history, whatever edit brought the
 * deal into the search: never replayed. The change happened when HubSpot says the deal entered the stage; if that
 * is not after the last recorded change (HubSpot keeps the first entry), at the deal's last modification, which is.
 * Changes before `since` are not replayed: they predate what is being reconciled.
 */
export function missedStageChange(deal: SearchedDeal, last: RecordedStage | undefined, playbook: Playbook, since: number, watchingSince: number): StageChange | null {
  if (!deal.stageId || deal.stageId === last?.stageId) return null;
  if (deal.enteredStageAt === null || deal.enteredStageAt < watchingSince) return null;
  if (resolveStage(playbook, deal.pipeline, deal.stageId) === undefined) return null;
  const after = last?.occurredAt ?? -Infinity;
  const occurredAt = deal.enteredStageAt > after ? deal.enteredStageAt : deal.modifiedAt;
  if (occurredAt <= after || occurredAt < since) return null;
  return { dealId: deal.id, stageId: deal.stageId, occurredAt };
}

/** Every stage id the playbook maps, for the `hs_v2_date_entered_<stage>` properties to read. */
export function mappedStageIds(playbook: Playbook): string[] {
  return [...new Set(Object.values(playbook.pipelines).flatMap((stages) => Object.keys(stages)))].sort();
}

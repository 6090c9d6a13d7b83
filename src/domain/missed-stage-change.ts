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
 * recorded, and the stage means something in the playbook. It happened when HubSpot says the deal entered the
 * stage; if that is not after the last recorded change (HubSpot keeps the first entry, or lacks it), at the deal's
 * last modification, which is. Changes before `since` are not replayed: they predate what is being reconciled.
 */
export function missedStageChange(deal: SearchedDeal, last: RecordedStage | undefined, playbook: Playbook, since: number): StageChange | null {
  if (!deal.stageId || deal.stageId === last?.stageId) return null;
  if (resolveStage(playbook, deal.pipeline, deal.stageId) === undefined) return null;
  const after = last?.occurredAt ?? -Infinity;
  const occurredAt = deal.enteredStageAt !== null && deal.enteredStageAt > after ? deal.enteredStageAt : deal.modifiedAt;
  if (occurredAt <= after || occurredAt < since) return null;
  return { dealId: deal.id, stageId: deal.stageId, occurredAt };
}

/** Every stage id the playbook maps, for the `hs_v2_date_entered_<stage>` properties to read. */
export function mappedStageIds(playbook: Playbook): string[] {
  return [...new Set(Object.values(playbook.pipelines).flatMap((stages) => Object.keys(stages)))].sort();
}

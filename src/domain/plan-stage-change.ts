import { DateTime } from 'luxon';
import type { BusinessCalendar } from './business-calendar.js';
import type { DealSnapshot, OnboardingState, StageChange } from './deal.js';
import { ownEntry } from './own-entry.js';
import { phaseIndex, type Phase } from './phases.js';
import { planPhaseEntry, type PhaseEntryPlan } from './plan-phase-entry.js';
import type { Playbook, StageTarget } from './playbook-schema.js';

export type StageDecision =
  | { kind: 'ignore'; reason: string }
  | { kind: 'lost'; from: Phase; dealUpdates: Record<string, string> }
  | {
      kind: 'enter';
      from: Phase | null;
      /** Going back to an earlier phase cancels everything still pending; going forward only the timed advance. */
      backwards: boolean;
      entry: PhaseEntryPlan;
      dayZero: number | null;
      dealUpdates: Record<string, string>;
    };

export interface StageChangeInput {
  deal: DealSnapshot;
  change: StageChange;
  state: OnboardingState;
  playbook: Playbook;
  calendar: BusinessCalendar;
  now: number;
  handoffAccepted?: boolean;
}

/** Looks the stage up in the deal's pipeline, or in any pipeline when the deal's is unknown. */
export function resolveStage(playbook: Playbook, pipeline: string | null, stageId: string): StageTarget | undefined {
  if (pipeline !== null) return ownEntry(ownEntry(playbook.pipelines, pipeline), stageId);
  for (const stages of Object.values(playbook.pipelines)) {
    const target = ownEntry(stages, stageId);
    if (target) return target;
  }
  return undefined;
}

/** What a stage change does to a deal's onboarding. Pure: time and data come in as arguments. */
export function planStageChange({ deal, change, state, playbook, calendar, now, handoffAccepted }: StageChangeInput): StageDecision {
  if (state.lastChangeAt !== null && change.occurredAt <= state.lastChangeAt) {
    return { kind: 'ignore', reason: 'an older or repeated stage change: a later one was already applied' };
  }
  const target = resolveStage(playbook, deal.pipeline, change.stageId);
  if (target === undefined) {
    return { kind: 'ignore', reason: `stage "${change.stageId}" of pipeline "${deal.pipeline ?? '?'}" is not mapped in the playbook` };
  }
  if (target === 'lost') {
    if (state.phase === null) return { kind: 'ignore', reason: 'deal lost before onboarding started' };
    return { kind: 'lost', from: state.phase, dealUpdates: { first100_phase: '', first100_health: '' } };
  }
  if (target === state.phase) return { kind: 'ignore', reason: `already in ${target}` };

  const entry = planPhaseEntry({ deal, phase: target, enteredAt: change.occurredAt, playbook, calendar, now, handoffAccepted });
  const dayZero = state.dayZero ?? (phaseIndex(target) >= phaseIndex('admit') ? (deal.closeDate ?? change.occurredAt) : null);
  return {
    kind: 'enter',
    from: state.phase,
    backwards: state.phase !== null && phaseIndex(target) < phaseIndex(state.phase),
    entry,
    dayZero,
    dealUpdates: phaseProperties(target, change.occurredAt, dayZero, calendar.timezone, state.phase === null),
  };
}

/** The deal properties that record a phase entry in HubSpot. */
export function phaseProperties(
  phase: Phase,
  enteredAt: number,
  dayZero: number | null,
  timezone: string,
  startsOnboarding: boolean,
): Record<string, string> {
  const updates: Record<string, string> = {
    first100_phase: phase,
    first100_phase_entered_at: new Date(enteredAt).toISOString(),
  };
  if (dayZero !== null) updates.first100_day_zero = DateTime.fromMillis(dayZero, { zone: timezone }).toISODate()!;
  if (startsOnboarding) updates.first100_health = 'on_track';
  return updates;
}

import type { BusinessCalendar } from './business-calendar.js';
import type { DealSnapshot } from './deal.js';
import type { Phase } from './phases.js';
import { planTemplates, type PlannedTask } from './plan-phase-entry.js';
import type { Playbook } from './playbook-schema.js';

export interface SilenceInput {
  phase: Phase;
  /** The last contact HubSpot or first100 knows of (a logged call, email or meeting; a feedback answer); null if none. */
  lastContactAt: number | null;
  /** When onboarding began (day zero, else the phase entry): silence is never counted from before it. */
  startedAt: number;
  /** The silence already recorded for the deal, if any. */
  silentSince: number | null;
  playbook: Playbook;
  calendar: BusinessCalendar;
  now: number;
}

export interface SilenceDecision {
  /** Since when the client counts as silent; null when they are not (or the phase has no limit). */
  silentSince: number | null;
  /** True when `silentSince` differs from what was recorded: health and the store change. */
  changed: boolean;
}

/**
 * Whether a client has gone without contact past the current phase's limit. A silence starts at the moment the
 * limit ran out, so the same silence keeps the same start across sweeps, and a silence after renewed contact
 * gets a new one. Pure: time comes in as `now`.
 */
export function planSilence(s: SilenceInput): SilenceDecision {
  const limit = s.playbook.phases[s.phase]?.silence;
  let silentSince: number | null = null;
  if (limit) {
    const quietFrom = Math.max(s.lastContactAt ?? s.startedAt, s.startedAt);
    const runsOutAt = s.calendar.dueAt(quietFrom, { businessDays: limit.businessDays });
    if (s.now >= runsOutAt) silentSince = s.silentSince !== null && s.silentSince >= quietFrom ? s.silentSince : runsOutAt;
  }
  return { silentSince, changed: silentSince !== s.silentSince };
}

/** The playbook's check-in task for one silence of one deal; null when the playbook has none. */
export function planCheckIn(deal: DealSnapshot, silentSince: number, playbook: Playbook, calendar: BusinessCalendar, now: number): { task: PlannedTask; warnings: string[] } | null {
  if (!playbook.checkIn) return null;
  const { steps, warnings } = planTemplates({ tasks: [playbook.checkIn], emails: [] }, { deal, from: Math.max(silentSince, now), calendar, now });
  return { task: steps[0] as PlannedTask, warnings };
}

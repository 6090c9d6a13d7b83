import { DateTime } from 'luxon';
import type { BusinessCalendar } from './business-calendar.js';
import type { DealSnapshot } from './deal.js';
import { onboardingDay } from './onboarding-day.js';
import { planTemplates, type PlannedStep } from './plan-phase-entry.js';
import type { Checkpoint, Playbook } from './playbook-schema.js';

/** A checkpoint reached more than this many days ago is not planned any more: its moment has passed. */
export const CHECKPOINT_GRACE_DAYS = 14;

export interface CheckpointInput {
  dayZero: number;
  /** Checkpoint days already planned for this deal. */
  planned: number[];
  playbook: Playbook;
  now: number;
}

/**
 * The checkpoint a deal should get now: the latest one its onboarding day has reached, unless it (or a later one)
 * was already planned or it is more than CHECKPOINT_GRACE_DAYS late. Only the latest: a deal that skipped
 * several (the server was down, the playbook is new) gets the one that still makes sense, not a burst.
 */
export function dueCheckpoint({ dayZero, planned, playbook, now }: CheckpointInput): Checkpoint | null {
  const today = onboardingDay(dayZero, now, playbook.timezone)!;
  const reached = playbook.checkpoints.filter((c) => c.day <= today);
  const latest = reached[reached.length - 1];
  if (!latest || today - latest.day > CHECKPOINT_GRACE_DAYS) return null;
  if (planned.some((day) => day >= latest.day)) return null;
  return latest;
}

/** The start of onboarding day `day` (day 1 is day zero's date) in the playbook's time zone. */
export function checkpointStart(dayZero: number, day: number, timezone: string): number {
  return DateTime.fromMillis(dayZero, { zone: timezone }).startOf('day').plus({ days: day - 1 }).toMillis();
}

/** The checkpoint's tasks and emails for one deal, due from the checkpoint's day. */
export function planCheckpoint(deal: DealSnapshot, dayZero: number, checkpoint: Checkpoint, calendar: BusinessCalendar, now: number): { steps: PlannedStep[]; warnings: string[] } {
  const from = checkpointStart(dayZero, checkpoint.day, calendar.timezone);
  return planTemplates(checkpoint, { deal, from, calendar, now });
}

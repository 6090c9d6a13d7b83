import type { BusinessCalendar } from '../business-calendar.js';
import { PHASES, phaseIndex, type Phase } from '../phases.js';
import type { Playbook } from '../playbook-schema.js';
import { addBusinessDays, businessDaysBetween } from './business-days.js';

type Calendar = Pick<BusinessCalendar, 'isBusinessDay'>;
type Phases = Playbook['phases'];

/** The phases the onboarding plan is made of: those after `assess` (the sale) that the playbook gives an expected time. */
function plannedPhases(phases: Phases, from: Phase): { phase: Phase; businessDays: number }[] {
  return PHASES.slice(Math.max(phaseIndex(from), phaseIndex('admit'))).flatMap((phase) => {
    const days = phases[phase]?.expected?.businessDays;
    return days ? [{ phase, businessDays: days }] : [];
  });
}

/** The go-live of the plan made at day zero: every planned phase taking its expected time, one after the other. */
export function plannedGoLive(phases: Phases, calendar: Calendar, dayZeroDate: string): string | null {
  const plan = plannedPhases(phases, 'admit');
  if (plan.length === 0) return null;
  return addBusinessDays(calendar, dayZeroDate, plan.reduce((sum, p) => sum + p.businessDays, 0));
}

/**
 * When the remaining planned phases end at today's pace: the current phase ends when its expected time runs out, or
 * today if that has passed (a stuck phase pushes everything after it, day by day); each later phase then takes its
 * expected time. Null once the deal is past the last planned phase (it went live) or the playbook plans none.
 */
export function projectedGoLive(phases: Phases, calendar: Calendar, current: { phase: Phase; enteredDate: string }, today: string): string | null {
  const remaining = plannedPhases(phases, current.phase);
  if (remaining.length === 0) return null;
  const [first, ...later] = remaining;
  let end = today;
  if (first!.phase === current.phase) {
    const expectedEnd = addBusinessDays(calendar, current.enteredDate, first!.businessDays);
    if (expectedEnd > end) end = expectedEnd;
  } else {
    later.unshift(first!);
  }
  return addBusinessDays(calendar, end, later.reduce((sum, p) => sum + p.businessDays, 0));
}

/** Business days the projection is later than the plan (negative when earlier); null without both dates. */
export function slipBusinessDays(calendar: Calendar, planned: string | null, projected: string | null): number | null {
  return planned === null || projected === null ? null : businessDaysBetween(calendar, planned, projected);
}

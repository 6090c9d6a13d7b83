import { DateTime } from 'luxon';

/** Onboarding lasts 100 days from day zero (the close date). */
export const ONBOARDING_DAYS = 100;

/** Calendar days from one moment to another, counted on dates in the time zone (0 on the same date). */
export function calendarDaysBetween(fromMs: number, toMs: number, timezone: string): number {
  const from = DateTime.fromMillis(fromMs, { zone: timezone }).startOf('day');
  const to = DateTime.fromMillis(toMs, { zone: timezone }).startOf('day');
  return Math.round(to.diff(from, 'days').days);
}

/** Day N of onboarding: day 1 is day zero's date; null before onboarding has a day zero. */
export function onboardingDay(dayZero: number | null, now: number, timezone: string): number | null {
  if (dayZero === null) return null;
  return Math.max(1, calendarDaysBetween(dayZero, now, timezone) + 1);
}

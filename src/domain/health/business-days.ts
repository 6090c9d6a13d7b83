import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../business-calendar.js';
import { shiftDate } from '../calendar-dates.js';

/** The local date (YYYY-MM-DD) of a moment in the calendar's time zone. */
export function localDate(ms: number, calendar: Pick<BusinessCalendar, 'timezone'>): string {
  return DateTime.fromMillis(ms, { zone: calendar.timezone }).toISODate()!;
}

function nextDate(isoDate: string, step: 1 | -1): string {
  const next = shiftDate(isoDate, step);
  if (next === undefined) throw new RangeError(`no date after ${isoDate}`);
  return next;
}

/** The date `n` business days after `isoDate` (n = 0: the date itself, business day or not). */
export function addBusinessDays(calendar: Pick<BusinessCalendar, 'isBusinessDay'>, isoDate: string, n: number): string {
  let date = isoDate;
  for (let remaining = n; remaining > 0; ) {
    date = nextDate(date, 1);
    if (calendar.isBusinessDay(date)) remaining -= 1;
  }
  return date;
}

/**
 * Business days from one date to another: those after `from` up to and including `to` (0 on the same date; a
 * weekend after a Friday adds nothing). Negative, counted the same way, when `to` is before `from`.
 */
export function businessDaysBetween(calendar: Pick<BusinessCalendar, 'isBusinessDay'>, from: string, to: string): number {
  if (to < from) return -businessDaysBetween(calendar, to, from);
  let count = 0;
  for (let date = from; date < to; ) {
    date = nextDate(date, 1);
    if (calendar.isBusinessDay(date)) count += 1;
  }
  return count;
}

import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { shiftDate, weekdayOf } from './calendar-dates.js';
import type { Offset } from './playbook-schema.js';

export interface CalendarSettings {
  timezone: string;
  /** Country code, optionally with a region ("IT", "IT-BZ"); absent: weekends only. */
  holidays?: string;
  /** Local "HH:mm" at which a step falls due. */
  dueTime: string;
}

export interface BusinessCalendar {
  readonly timezone: string;
  isBusinessDay(isoDate: string): boolean;
  holidayName(isoDate: string): string | undefined;
  /** When a step with this offset falls due, counted from the moment `fromMs`. Never before `fromMs`. */
  dueAt(fromMs: number, offset: Offset): number;
}

/** A moment the calendar cannot count from (not a number, or beyond the dates JavaScript can hold). */
export class InvalidDateError extends RangeError {
  constructor(readonly fromMs: number) {
    super(`cannot count business days from ${fromMs}: not a date between the years -271821 and 275760`);
  }
}

function valid(d: DateTime, fromMs: number): DateTime {
  if (!d.isValid) throw new InvalidDateError(fromMs);
  return d;
}

export function createBusinessCalendar(settings: CalendarSettings): BusinessCalendar {
  const [country, region] = settings.holidays?.split('-') ?? [];
  const source = country ? new Holidays(country, region ?? '', { types: ['public'] }) : undefined;
  const holidaysByYear = new Map<number, Map<string, string>>();
  const [hour, minute] = settings.dueTime.split(':').map(Number) as [number, number];

  function holidaysOf(year: number): Map<string, string> {
    let days = holidaysByYear.get(year);
    if (!days) {
      days = new Map();
      for (const h of source?.getHolidays(year) ?? []) {
        if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
      }
      holidaysByYear.set(year, days);
    }
    return days;
  }

  function holidayName(isoDate: string): string | undefined {
    return holidaysOf(Number(isoDate.slice(0, 4))).get(isoDate);
  }

  function isBusinessDay(isoDate: string): boolean {
    return weekdayOf(isoDate) <= 5 && holidayName(isoDate) === undefined;
  }

  /** The due time on a local date, as a moment. */
  function dueTimeOn(isoDate: string, fromMs: number): number {
    const [year, month, day] = [Number(isoDate.slice(0, -6)), Number(isoDate.slice(-5, -3)), Number(isoDate.slice(-2))];
    return valid(DateTime.fromObject({ year, month, day, hour, minute }, { zone: settings.timezone }), fromMs).toMillis();
  }

  function dueAt(fromMs: number, offset: Offset): number {
    const startDate = valid(DateTime.fromMillis(fromMs, { zone: settings.timezone }), fromMs).toISODate()!;
    // Days are stepped as dates, the zone consulted only for the due moment. Each step is checked: past the last
    // date JavaScript can hold there is no next date.
    const shift = (date: string, days: number) => {
      const next = shiftDate(date, days);
      if (next === undefined) throw new InvalidDateError(fromMs);
      return next;
    };
    let date: string;
    if ('days' in offset) {
      date = shift(startDate, offset.days);
      if (dueTimeOn(date, fromMs) < fromMs) date = shift(date, 1);
    } else if (offset.businessDays === 0) {
      // "Today if it is a business day and the due time is still ahead, else the next business day."
      date = startDate;
      while (!isBusinessDay(date) || dueTimeOn(date, fromMs) < fromMs) date = shift(date, 1);
    } else {
      date = startDate;
      for (let remaining = offset.businessDays; remaining > 0; ) {
        date = shift(date, 1);
        if (isBusinessDay(date)) remaining -= 1;
      }
    }
    return dueTimeOn(date, fromMs);
  }

  return { timezone: settings.timezone, isBusinessDay, holidayName, dueAt };
}

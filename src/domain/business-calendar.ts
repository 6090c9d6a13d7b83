import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
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
    const day = DateTime.fromISO(isoDate, { zone: settings.timezone });
    return day.weekday <= 5 && holidayName(isoDate) === undefined;
  }

  const isBusiness = (d: DateTime) => isBusinessDay(d.toISODate()!);
  const atDueTime = (d: DateTime) => d.set({ hour, minute, second: 0, millisecond: 0 });

  function dueAt(fromMs: number, offset: Offset): number {
    const start = valid(DateTime.fromMillis(fromMs, { zone: settings.timezone }), fromMs);
    // Each day stepped is checked: past the last date JavaScript can hold, plus() gives an invalid date forever.
    const nextDay = (d: DateTime) => valid(d.plus({ days: 1 }), fromMs);
    let due: DateTime;
    if ('days' in offset) {
      due = valid(atDueTime(start.plus({ days: offset.days })), fromMs);
      if (due.toMillis() < fromMs) due = nextDay(due);
    } else {
      due = atDueTime(start);
      if (offset.businessDays === 0) {
        // "Today if it is a business day and the due time is still ahead, else the next business day."
        while (!isBusiness(due) || due.toMillis() < fromMs) due = nextDay(due);
      } else {
        for (let remaining = offset.businessDays; remaining > 0; ) {
          due = nextDay(due);
          if (isBusiness(due)) remaining -= 1;
        }
      }
    }
    return due.toMillis();
  }

  return { timezone: settings.timezone, isBusinessDay, holidayName, dueAt };
}

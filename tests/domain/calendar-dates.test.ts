import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isoDateOf, shiftDate, utcMidnight, weekdayOf } from '../../src/domain/calendar-dates.js';

/** Every date from `from`, `count` days on, as luxon steps them. */
function luxonDates(from: string, count: number): string[] {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  return Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate()!);
}

describe('calendar dates without a time zone', () => {
  it('step day by day and name weekdays as luxon does, across leap years and the turn of a century', () => {
    for (const from of ['2023-12-01', '1999-12-20', '2099-12-25', '0099-12-28']) {
      const dates = luxonDates(from, 800);
      for (let i = 0; i < dates.length - 1; i += 1) {
        expect(shiftDate(dates[i]!, 1)).toBe(dates[i + 1]);
        expect(shiftDate(dates[i + 1]!, -1)).toBe(dates[i]);
        expect(weekdayOf(dates[i]!)).toBe(DateTime.fromISO(dates[i]!, { zone: 'Europe/Rome' }).weekday);
      }
    }
    expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDate('2025-02-28', 1)).toBe('2025-03-01');
    expect(shiftDate('2026-12-05', 100)).toBe('2027-03-15');
  });

  it('refuse what is not a date, and stop at the last date JavaScript can hold', () => {
    for (const text of ['2026-02-30', '2026-13-01', '26-01-01', 'tomorrow', '']) {
      expect(utcMidnight(text)).toBeNaN();
      expect(weekdayOf(text)).toBeNaN();
      expect(shiftDate(text, 1)).toBeUndefined();
    }
    const last = DateTime.fromMillis(8.64e15, { zone: 'UTC' }).toISODate()!;
    expect(isoDateOf(8.64e15)).toBe(last);
    expect(shiftDate(last, 1)).toBeUndefined();
    expect(shiftDate(last, -1)).toBe(DateTime.fromMillis(8.64e15 - 86_400_000, { zone: 'UTC' }).toISODate());
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, InvalidDateError } from '../../src/domain/business-calendar.js';

const rome = createBusinessCalendar({ timezone: 'Europe/Rome', holidays: 'IT', dueTime: '09:00' });
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const local = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Rome' }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('business calendar (Europe/Rome, Italian holidays)', () => {
  it('knows Italian public holidays and weekends', () => {
    expect(rome.isBusinessDay('2026-12-08')).toBe(false); // Immacolata
    expect(rome.holidayName('2026-12-25')).toBeTruthy();
    expect(rome.isBusinessDay('2026-12-05')).toBe(false); // Saturday
    expect(rome.isBusinessDay('2026-12-09')).toBe(true);
  });

  it.each([
    ['Friday afternoon + 1 business day is Monday', '2026-12-04T15:00', { businessDays: 1 }, '2026-12-07T09:00'],
    ['+2 business days skips the 8 December holiday', '2026-12-04T15:00', { businessDays: 2 }, '2026-12-09T09:00'],
    ['Christmas Eve + 1 skips Christmas, Santo Stefano and the weekend', '2026-12-24T10:00', { businessDays: 1 }, '2026-12-28T09:00'],
    ['0 business days on a Saturday is Monday morning', '2026-12-05T11:00', { businessDays: 0 }, '2026-12-07T09:00'],
    ['0 business days before the due time is today', '2026-12-09T08:00', { businessDays: 0 }, '2026-12-09T09:00'],
    ['0 business days after the due time is the next business day', '2026-12-09T10:00', { businessDays: 0 }, '2026-12-10T09:00'],
    ['calendar days ignore weekends', '2026-12-04T15:00', { days: 3 }, '2026-12-07T09:00'],
    ['calendar days land on holidays too', '2026-12-07T08:00', { days: 1 }, '2026-12-08T09:00'],
  ] as const)('%s', (_name, from, offset, expected) => {
    expect(local(rome.dueAt(at(from), offset))).toBe(expected);
  });

  it('keeps the local due time across the change from summer time', () => {
    const due = rome.dueAt(at('2026-10-23T10:00'), { businessDays: 1 });
    expect(local(due)).toBe('2026-10-26T09:00');
    expect(new Date(due).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('counts weekends only when no holiday calendar is given', () => {
    const plain = createBusinessCalendar({ timezone: 'Europe/Rome', dueTime: '09:00' });
    expect(local(plain.dueAt(at('2026-12-07T10:00'), { businessDays: 1 }))).toBe('2026-12-08T09:00');
  });

  it.each([
    ['the last moment JavaScript can date (8.64e15)', 8.64e15],
    ['beyond it', 9e15],
    ['not a number', Number.NaN],
  ])('refuses to count from %s instead of looping for ever', (_name, fromMs) => {
    for (const offset of [{ businessDays: 0 }, { businessDays: 3 }, { days: 2 }]) {
      expect(() => rome.dueAt(fromMs, offset)).toThrow(InvalidDateError);
    }
    expect(() => rome.dueAt(fromMs, { businessDays: 1 })).toThrow(/cannot count business days from/);
  });
});

import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import { businessDayCounter, businessDayTable } from '../../src/domain/business-day-counter.js';

const calendar = createBusinessCalendar({ timezone: 'Europe/Rome', holidays: 'IT', dueTime: '09:00' });
const counter = businessDayCounter((iso) => calendar.isBusinessDay(iso), 'Europe/Rome');
const at = (local: string, offset = '+01:00') => Date.parse(`${local}${offset}`);

describe('businessDayCounter', () => {
  it('counts the business days after the first date up to the last, skipping weekends and holidays', () => {
    expect(counter.between(at('2026-11-02T10:00'), at('2026-11-02T18:00'))).toBe(0);
    expect(counter.between(at('2026-11-06T10:00'), at('2026-11-09T08:00'))).toBe(1); // Friday → Monday
    // Tuesday 8 December 2026 is the Immaculate Conception: Dec 7, 9, 10, 11.
    expect(counter.between(at('2026-12-04T10:00'), at('2026-12-11T10:00'))).toBe(4);
    expect(counter.between(at('2026-12-11T10:00'), at('2026-12-04T10:00'))).toBe(-4);
  });

  it('takes the local date across daylight saving time: 00:30 in Rome is still that date', () => {
    // 25 October 2026 ends summer time: 2026-10-26T00:30 in Rome is 2026-10-25T23:30Z.
    expect(counter.localDay(Date.parse('2026-10-25T23:30:00Z'))).toBe(counter.localDay(Date.parse('2026-10-26T12:00:00Z')));
    expect(counter.localDay(Date.parse('2026-07-01T22:30:00Z'))).toBe(counter.localDay(Date.parse('2026-07-02T09:00:00Z')));
  });

  it('extends its table backwards and forwards as spans need it', () => {
    expect(counter.between(at('2026-01-01T10:00'), at('2026-01-09T10:00'))).toBe(5); // Jan 2, 5, 7, 8, 9 (Jan 6: Epiphany)
    expect(counter.between(at('2025-12-31T10:00'), at('2027-01-04T10:00'))).toBeGreaterThan(240);
  });

  it('gives a store query the same counts as a table', () => {
    const first = counter.localDay(at('2026-12-04T10:00'));
    const table = businessDayTable((iso) => calendar.isBusinessDay(iso), first, first + 7);
    expect(table.days[7]! - table.days[0]!).toBe(4);
  });
});

describe('zoneOffsets', () => {
  it("finds each daylight-saving change of a year to the minute, so a moment's local day is arithmetic", async () => {
    const { zoneOffsets } = await import('../../src/domain/business-day-counter.js');
    const z = zoneOffsets('Europe/Rome', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'));
    expect(z.starts.slice(1).map((s) => new Date(s).toISOString())).toEqual(['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']);
    expect(z.offsets).toEqual([3_600_000, 7_200_000, 3_600_000]);
    const localDay = (ms: number) => {
      let i = 0;
      while (i + 1 < z.starts.length && z.starts[i + 1]! <= ms) i++;
      return Math.floor((ms + z.offsets[i]!) / 86_400_000);
    };
    for (const iso of ['2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z', '2026-10-24T22:30:00Z', '2026-10-25T22:30:00Z', '2026-07-01T22:30:00Z']) {
      expect([iso, localDay(Date.parse(iso))]).toEqual([iso, counter.localDay(Date.parse(iso))]);
    }
  });
});

import { IANAZone } from 'luxon';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Counts business days between moments many times over, fast enough for 10,000 onboardings per request. */
export interface BusinessDayCounter {
  /** The local date of a moment, as days since 1970-01-01 in the calendar's time zone. */
  localDay(ms: number): number;
  /** Business days d with localDate(from) < d ≤ localDate(to): 0 on the same date, negative when `to` is earlier. */
  between(fromMs: number, toMs: number): number;
}

/**
 * A counter over a calendar's business days. The time zone's offset is looked up once per hour of time and each
 * date's business-day status once, so counting a span is two array reads however long it is.
 */
export function businessDayCounter(isBusinessDay: (isoDate: string) => boolean, timezone: string): BusinessDayCounter {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) throw new RangeError(`not an IANA time zone: ${timezone}`);
  const offsets = new Map<number, number>();
  let firstDay = 0;
  // cumulative[i]: business days from firstDay+1 to firstDay+i, inclusive (cumulative[0] = 0).
  let cumulative: number[] = [];

  function localDay(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = zone.offset(ms) * 60_000;
      offsets.set(hour, offset);
    }
    return Math.floor((ms + offset) / DAY_MS);
  }

  const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

  function cover(from: number, to: number): void {
    if (cumulative.length === 0) {
      firstDay = from;
      cumulative = [0];
    }
    if (from < firstDay) {
      const earlier = [0];
      for (let d = from + 1; d <= firstDay; d += 1) earlier.push(earlier[earlier.length - 1]! + (isBusinessDay(isoOf(d)) ? 1 : 0));
      const shift = earlier[earlier.length - 1]!;
      cumulative = [...earlier.slice(0, -1), ...cumulative.map((n) => n + shift)];
      firstDay = from;
    }
    for (let d = firstDay + cumulative.length; d <= to; d += 1) cumulative.push(cumulative[cumulative.length - 1]! + (isBusinessDay(isoOf(d)) ? 1 : 0));
  }

  function between(fromMs: number, toMs: number): number {
    const from = localDay(fromMs);
    const to = localDay(toMs);
    if (to < from) return -between(toMs, fromMs);
    cover(from, to);
    return cumulative[to - firstDay]! - cumulative[from - firstDay]!;
  }

  return { localDay, between };
}

/** Business days up to each date of a span, for a store query to count with: days is 1-based as SQL arrays are. */
export interface BusinessDayTable {
  /** The local day (days since 1970-01-01) of `days[1]`. */
  firstDay: number;
  /** days[i] (1-based): business days in (firstDay, firstDay + i - 1]; so days[1] = 0. */
  days: number[];
}

export function businessDayTable(isBusinessDay: (isoDate: string) => boolean, firstDay: number, lastDay: number): BusinessDayTable {
  const days = [0];
  for (let d = firstDay + 1; d <= lastDay; d += 1) days.push(days[days.length - 1]! + (isBusinessDay(new Date(d * DAY_MS).toISOString().slice(0, 10)) ? 1 : 0));
  return { firstDay, days };
}

/** A time zone's UTC offsets over a span, for a store query to turn moments into local days with arithmetic. */
export interface ZoneOffsets {
  /** Epoch ms from which each offset applies, ascending; the first is 0. */
  starts: number[];
  /** Offset in ms to add to a moment to get its local time. */
  offsets: number[];
}

/** The offsets of a time zone from `fromMs` to `toMs`, each change found to the minute (zone changes fall on minutes). */
export function zoneOffsets(timezone: string, fromMs: number, toMs: number): ZoneOffsets {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) throw new RangeError(`not an IANA time zone: ${timezone}`);
  const at = (ms: number) => zone.offset(ms) * 60_000;
  const starts = [0];
  const offsets = [at(fromMs)];
  for (let t = fromMs; t < toMs; t += DAY_MS) {
    const next = Math.min(t + DAY_MS, toMs);
    if (at(next) === offsets[offsets.length - 1]) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (at(mid) === offsets[offsets.length - 1]) lo = mid;
      else hi = mid;
    }
    starts.push(hi);
    offsets.push(at(hi));
  }
  return { starts, offsets };
}

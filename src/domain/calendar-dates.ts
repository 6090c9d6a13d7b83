/**
 * Arithmetic on calendar dates (`YYYY-MM-DD`, luxon's ISO form) without a time zone: a date's weekday and the date
 * after it are the same wherever it is. Business-day counting steps through many dates; doing it here, instead of
 * through a zoned DateTime per day, keeps a deal's health and plan cheap (a zone conversion per day stepped was most
 * of a 1,000-deal burst's CPU time: BENCHMARKS.md).
 */

const DAY_MS = 86_400_000;

/** Midnight UTC of the date, in milliseconds; NaN when the text is not a real date JavaScript can hold. */
export function utcMidnight(isoDate: string): number {
  const match = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month, day); // not Date.UTC: it reads years 0–99 as 1900–1999
  const same = date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day;
  return same ? date.getTime() : Number.NaN;
}

/** The date of a UTC midnight, written as luxon writes it; undefined beyond the dates JavaScript can hold. */
export function isoDateOf(utcMs: number): string | undefined {
  if (!(Math.abs(utcMs) <= 8.64e15)) return undefined;
  const date = new Date(utcMs);
  const year = date.getUTCFullYear();
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : (year < 0 ? '-' : '+') + String(Math.abs(year)).padStart(6, '0');
  return `${y}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** The date `days` calendar days after (before, when negative) this one; undefined beyond what JavaScript holds. */
export function shiftDate(isoDate: string, days: number): string | undefined {
  return isoDateOf(utcMidnight(isoDate) + days * DAY_MS);
}

/** ISO weekday of the date: 1 Monday … 7 Sunday; NaN when the text is not a date. */
export function weekdayOf(isoDate: string): number {
  const day = new Date(utcMidnight(isoDate)).getUTCDay();
  return day === 0 ? 7 : day;
}

import { businessDayCounter, businessDayTable, zoneOffsets } from '../../domain/business-day-counter.js';
import type { BusinessCalendar } from '../../domain/business-calendar.js';
import { HANDOFF_ITEMS } from '../../domain/handoff-items.js';
import { readDayZeroTo, readEarliestMoment, readOnTime, readPhaseDurations, type AnalyticsWindow, type OnTimeRow, type SpreadRow } from '../../store/analytics-reads.js';
import type { Queryable } from '../../store/db.js';
import {
  readFeedbackPoints, readHandoffAcceptance, readMostAskedItems, readResponseRates, type FeedbackPointRow, type HandoffAcceptanceRow, type ResponseRateRow,
} from '../../store/feedback-analytics-reads.js';

export const RANGES = [30, 90, 365] as const;
export type RangeDays = (typeof RANGES)[number];

const DAY_MS = 86_400_000;
const MOST_ASKED = 5;

/** The analytics over one range as the store aggregates them, in no language (the page labels them): what is stored. */
export interface AnalyticsFigures {
  rangeDays: RangeDays;
  from: number;
  to: number;
  bucket: 'week' | 'month';
  durations: SpreadRow[];
  toActivate: SpreadRow;
  toAccomplish: SpreadRow;
  onTime: { byPm: OnTimeRow[]; byTask: OnTimeRow[] };
  points: FeedbackPointRow[];
  rates: ResponseRateRow[];
  acceptance: HandoffAcceptanceRow;
  asked: { item: string; questions: number }[];
}

/** Every figure of the last `rangeDays` days up to `to`, aggregated by the store (the costly part: every entry and task of the range). */
export async function computeAnalyticsFigures(db: Queryable, calendar: BusinessCalendar, rangeDays: RangeDays, to: number): Promise<AnalyticsFigures> {
  const from = to - rangeDays * DAY_MS;
  const timezone = calendar.timezone;
  const counter = businessDayCounter((iso) => calendar.isBusinessDay(iso), timezone);
  // Counted from the oldest moment the store holds, so a phase entered long before the window still counts whole.
  const earliest = Math.min(from, (await readEarliestMoment(db)) ?? from);
  const w: AnalyticsWindow = {
    from,
    to,
    zone: zoneOffsets(timezone, earliest - DAY_MS, to + DAY_MS),
    table: businessDayTable((iso) => calendar.isBusinessDay(iso), counter.localDay(earliest) - 1, counter.localDay(to) + 1),
  };
  const bucket = rangeDays === 365 ? 'month' : 'week';
  const [durations, toActivate, toAccomplish, onTime, points, rates, acceptance, asked] = await Promise.all([
    readPhaseDurations(db, w),
    readDayZeroTo(db, w, 'activate'),
    readDayZeroTo(db, w, 'accomplish'),
    readOnTime(db, w, to),
    readFeedbackPoints(db, from, to, timezone, bucket),
    readResponseRates(db, from, to),
    readHandoffAcceptance(db, from, to, HANDOFF_ITEMS.filter((i) => i.required).map((i) => i.key)),
    readMostAskedItems(db, from, to, MOST_ASKED),
  ]);
  return { rangeDays, from, to, bucket, durations, toActivate, toAccomplish, onTime, points, rates, acceptance, asked };
}

import { DateTime } from 'luxon';
import { businessDayCounter, businessDayTable, zoneOffsets } from '../domain/business-day-counter.js';
import { HANDOFF_ITEMS, itemSpec, type HandoffItemKey } from '../domain/handoff-items.js';
import { PHASES, phaseLabel, type Locale } from '../domain/phases.js';
import type { Engine } from '../jobs/engine.js';
import { readDayZeroTo, readEarliestMoment, readOnTime, readPhaseDurations, type AnalyticsWindow, type OnTimeRow, type SpreadRow } from '../store/analytics-reads.js';
import { readFeedbackPoints, readHandoffAcceptance, readMostAskedItems, readResponseRates } from '../store/feedback-analytics-reads.js';
import type { AnalyticsView, OnTimeRate, Spread } from './page-api-types.js';

export const RANGES = [30, 90, 365] as const;
export type RangeDays = (typeof RANGES)[number];

const DAY_MS = 86_400_000;
const MOST_ASKED = 5;

/** The analytics page over the last 30, 90 or 365 days, every figure aggregated by the store. */
export async function analyticsView(engine: Engine, rangeDays: RangeDays, locale: Locale): Promise<AnalyticsView> {
  const { db, calendar } = engine;
  const to = engine.clock();
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
  const byPhase = new Map(durations.map((d) => [d.key, d]));
  const dateOf = (ms: number) => DateTime.fromMillis(ms, { zone: timezone }).toISODate()!;
  return {
    locale,
    rangeDays,
    from: dateOf(from),
    to: dateOf(to),
    phaseDurations: PHASES.filter((p) => byPhase.has(p)).map((p) => ({ phase: { value: p, label: phaseLabel(p, locale) }, ...spreadOf(byPhase.get(p)!) })),
    toActivate: spreadOf(toActivate),
    toAccomplish: spreadOf(toAccomplish),
    onTimeByPm: onTime.byPm.map(rateOf),
    onTimeByPlaybookTask: onTime.byTask.map(rateOf),
    feedback: {
      bucket,
      points: points.map((p) => ({ period: p.period, series: `${p.touchpoint} (${p.survey})`, average: round(p.average, 2), answers: p.answers })),
      responseRates: rates.map((r) => ({ series: `${r.touchpoint} (${r.survey})`, ...r, rate: r.sent === 0 ? null : round((100 * r.answered) / r.sent, 1) })),
    },
    handoff: {
      accepted: acceptance.accepted,
      averageCompleteness: acceptance.acceptedShare === null ? null : round(100 * acceptance.acceptedShare, 1),
      mostAsked: asked.map((a) => ({ ...a, label: isItem(a.item) ? itemSpec(a.item).label[locale] : a.item })),
    },
  };
}

function spreadOf(s: SpreadRow): Spread {
  return { count: s.count, median: s.median === null ? null : round(s.median, 1), p80: s.p80 === null ? null : round(s.p80, 1) };
}

function rateOf(r: OnTimeRow): OnTimeRate {
  return { key: r.key, due: r.due, onTime: r.onTime, rate: r.due === 0 ? null : round((100 * r.onTime) / r.due, 1) };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function isItem(key: string): key is HandoffItemKey {
  return HANDOFF_ITEMS.some((i) => i.key === key);
}

import { DateTime } from 'luxon';
import { HANDOFF_ITEMS, itemSpec, type HandoffItemKey } from '../domain/handoff-items.js';
import { PHASES, phaseLabel, type Locale } from '../domain/phases.js';
import type { AnalyticsFigures } from '../jobs/analytics/analytics-figures.js';
import type { OnTimeRow, SpreadRow } from '../store/analytics-reads.js';
import type { StoredFigures } from '../store/analytics-figures-store.js';
import type { AnalyticsView, OnTimeRate, Spread } from './page-api-types.js';

export { RANGES, type RangeDays } from '../jobs/analytics/analytics-figures.js';

/**
 * The analytics page from a range's stored figures (src/jobs/analytics/), labelled in the user's language, with the
 * moment they were computed in the calendar's time zone so nobody reads older figures as this minute's, and the
 * PMs by name where HubSpot's owners are stored.
 */
export function analyticsView(
  stored: StoredFigures<AnalyticsFigures>,
  locale: Locale,
  timezone: string,
  pmNames: ReadonlyMap<string, string> = new Map(),
): AnalyticsView {
  const f = stored.figures;
  const byPhase = new Map(f.durations.map((d) => [d.key, d]));
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timezone });
  return {
    locale,
    rangeDays: f.rangeDays,
    from: local(f.from).toISODate()!,
    to: local(f.to).toISODate()!,
    computed: { at: new Date(stored.computedAt).toISOString(), local: local(stored.computedAt).toFormat('yyyy-MM-dd HH:mm'), timezone },
    phaseDurations: PHASES.filter((p) => byPhase.has(p)).map((p) => ({ phase: { value: p, label: phaseLabel(p, locale) }, ...spreadOf(byPhase.get(p)!) })),
    toActivate: spreadOf(f.toActivate),
    toAccomplish: spreadOf(f.toAccomplish),
    onTimeByPm: f.onTime.byPm.map((r) => ({ ...rateOf(r), ...(pmNames.has(r.key) ? { label: pmNames.get(r.key)! } : {}) })),
    onTimeByPlaybookTask: f.onTime.byTask.map(rateOf),
    feedback: {
      bucket: f.bucket,
      points: f.points.map((p) => ({ period: p.period, series: `${p.touchpoint} (${p.survey})`, average: round(p.average, 2), answers: p.answers })),
      responseRates: f.rates.map((r) => ({ series: `${r.touchpoint} (${r.survey})`, ...r, rate: r.sent === 0 ? null : round((100 * r.answered) / r.sent, 1) })),
    },
    handoff: {
      accepted: f.acceptance.accepted,
      averageCompleteness: f.acceptance.acceptedShare === null ? null : round(100 * f.acceptance.acceptedShare, 1),
      mostAsked: f.asked.map((a) => ({ ...a, label: isItem(a.item) ? itemSpec(a.item).label[locale] : a.item })),
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

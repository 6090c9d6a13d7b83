import type { BusinessDayTable, ZoneOffsets } from '../domain/business-day-counter.js';
import type { Queryable } from './db.js';
import { TASK_COMPLETED_AT, TASK_COMPLETION_JOIN } from './onboarding-health.js';

/** A window of time and the calendar to count its business days with: every figure is aggregated in the store. */
export interface AnalyticsWindow {
  from: number;
  to: number;
  /** The calendar's time zone over every moment counted (local days by arithmetic, not a conversion per row). */
  zone: ZoneOffsets;
  table: BusinessDayTable;
}

/**
 * A moment's local day (days since 1970-01-01), the zone's offsets passed as two bigint[] parameters. Integer
 * division (a numeric one per row costs the portfolio a fifth of its ranking over 10,000 deals), shifted by a million
 * days so it floors moments before 1970 too.
 */
export const localDaySql = (column: string, startsParam: string, offsetsParam: string) =>
  `((${column} + (${offsetsParam}::bigint[])[width_bucket(${column}, ${startsParam}::bigint[])] + 86400000000000) / 86400000 - 1000000)::int`;

export interface SpreadRow {
  key: string;
  count: number;
  median: number | null;
  p80: number | null;
}

/** Parameters $1–$6 of every analytics query: the window, the zone's offsets, the business-day table. */
const windowParams = (w: AnalyticsWindow) => [w.from, w.to, w.zone.starts, w.zone.offsets, w.table.firstDay, w.table.days];
const localDay = (column: string) => localDaySql(column, '$3', '$4');
/** Business days between two local days, through the table passed as $5 (first day) and $6 (cumulative counts). */
const businessDays = (d0: string, d1: string) => `(($6::int[])[${d1} - $5 + 1] - ($6::int[])[${d0} - $5 + 1])`;
const spread = (expr: string) =>
  `count(*)::int AS count, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr}) AS median, percentile_cont(0.8) WITHIN GROUP (ORDER BY ${expr}) AS p80`;
const toSpread = (r: { key: string; count: number; median: number | string | null; p80: number | string | null }): SpreadRow => ({
  key: r.key,
  count: Number(r.count),
  median: r.median === null ? null : Number(r.median),
  p80: r.p80 === null ? null : Number(r.p80),
});

/** The earliest moment the analytics may count from: the oldest phase entry or day zero first100 holds. */
export async function readEarliestMoment(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ at: string | number | null }>(
    'SELECT LEAST((SELECT min(entered_at) FROM phase_entries), (SELECT min(day_zero) FROM deal_onboarding)) AS at',
  );
  return row?.at == null ? null : Number(row.at);
}

/**
 * Per phase, the business days spent in it (entry to the deal's next entry), over the entries left within the
 * window: median and 80th percentile, interpolated (PostgreSQL's percentile_cont).
 */
export async function readPhaseDurations(db: Queryable, w: AnalyticsWindow): Promise<SpreadRow[]> {
  const rows = await db.query<{ key: string; count: number; median: number | null; p80: number | null }>(
    `WITH spans AS (
       SELECT phase, entered_at, lead(entered_at) OVER (PARTITION BY deal_id ORDER BY entered_at, id) AS left_at
         FROM phase_entries
        WHERE deal_id IN (SELECT deal_id FROM phase_entries WHERE entered_at BETWEEN $1 AND $2)
     ), days AS (
       SELECT phase, ${localDay('entered_at')} AS d0, ${localDay('left_at')} AS d1 FROM spans WHERE left_at BETWEEN $1 AND $2
     )
     SELECT phase AS key, ${spread(businessDays('d0', 'd1'))} FROM days GROUP BY phase`,
    windowParams(w),
  );
  return rows.map(toSpread);
}

/** Business days from day zero to a deal's first entry into a phase, over the deals that first entered it within the window. */
export async function readDayZeroTo(db: Queryable, w: AnalyticsWindow, phase: string): Promise<SpreadRow> {
  const [row] = await db.query<{ key: string; count: number; median: number | null; p80: number | null }>(
    `WITH firsts AS (
       SELECT d.day_zero, min(e.entered_at) AS first_at
         FROM phase_entries e JOIN deal_onboarding d ON d.deal_id = e.deal_id
        WHERE e.phase = $7 AND d.day_zero IS NOT NULL
        GROUP BY d.deal_id, d.day_zero
     ), days AS (
       SELECT ${localDay('day_zero')} AS d0, ${localDay('first_at')} AS d1 FROM firsts WHERE first_at BETWEEN $1 AND $2
     )
     SELECT $7::text AS key, ${spread(businessDays('d0', 'd1'))} FROM days`,
    [...windowParams(w), phase],
  );
  return toSpread(row ?? { key: phase, count: 0, median: null, p80: null });
}

export interface OnTimeRow {
  key: string;
  due: number;
  onTime: number;
}

/**
 * Tasks first100 planned that fell due within the window (and before now), grouped by the deal's PM and by the
 * playbook task (one scan, two groupings): how many were due, how many were completed by their due date (on or
 * before that local date).
 */
export async function readOnTime(db: Queryable, w: AnalyticsWindow, now: number): Promise<{ byPm: OnTimeRow[]; byTask: OnTimeRow[] }> {
  const rows = await db.query<{ pm: string | null; task: string | null; by_pm: number; due: number; on_time: number }>(
    `SELECT COALESCE(d.pm_owner_id, '') AS pm, s.step_id AS task, GROUPING(s.step_id) AS by_pm, count(*)::int AS due,
            count(*) FILTER (WHERE ${localDay(TASK_COMPLETED_AT)} <= ${localDay('s.due_at')})::int AS on_time
       FROM steps s JOIN deal_onboarding d ON d.deal_id = s.deal_id ${TASK_COMPLETION_JOIN}
      WHERE s.kind IN ('task', 'owner-task') AND s.status <> 'cancelled' AND s.due_at BETWEEN $1 AND LEAST($2::bigint, $5::bigint)
      GROUP BY GROUPING SETS ((COALESCE(d.pm_owner_id, '')), (s.step_id))`,
    [w.from, w.to, w.zone.starts, w.zone.offsets, now],
  );
  const toRow = (key: string, r: { due: number; on_time: number }): OnTimeRow => ({ key, due: Number(r.due), onTime: Number(r.on_time) });
  const byKey = (a: OnTimeRow, b: OnTimeRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    byPm: rows.filter((r) => Number(r.by_pm) === 1).map((r) => toRow(r.pm ?? '', r)).sort(byKey),
    byTask: rows.filter((r) => Number(r.by_pm) === 0).map((r) => toRow(r.task ?? '', r)).sort(byKey),
  };
}

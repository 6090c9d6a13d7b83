import type { BusinessDayTable } from '../domain/business-day-counter.js';
import type { Queryable } from './db.js';
import { TASK_COMPLETED_AT } from './onboarding-health.js';

/** A window of time and the calendar to count its business days with: every figure is aggregated in the store. */
export interface AnalyticsWindow {
  from: number;
  to: number;
  timezone: string;
  table: BusinessDayTable;
}

export interface SpreadRow {
  key: string;
  count: number;
  median: number | null;
  p80: number | null;
}

const localDay = (column: string, tzParam: string) => `((to_timestamp(${column} / 1000.0) AT TIME ZONE ${tzParam})::date - DATE '1970-01-01')`;
/** Business days between two local days, through the table passed as $4 (first day) and $5 (cumulative counts). */
const businessDays = (d0: string, d1: string) => `(($5::int[])[${d1} - $4 + 1] - ($5::int[])[${d0} - $4 + 1])`;
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
       SELECT phase, ${localDay('entered_at', '$3')} AS d0, ${localDay('left_at', '$3')} AS d1 FROM spans WHERE left_at BETWEEN $1 AND $2
     )
     SELECT phase AS key, ${spread(businessDays('d0', 'd1'))} FROM days GROUP BY phase`,
    [w.from, w.to, w.timezone, w.table.firstDay, w.table.days],
  );
  return rows.map(toSpread);
}

/** Business days from day zero to a deal's first entry into a phase, over the deals that first entered it within the window. */
export async function readDayZeroTo(db: Queryable, w: AnalyticsWindow, phase: string): Promise<SpreadRow> {
  const [row] = await db.query<{ key: string; count: number; median: number | null; p80: number | null }>(
    `WITH firsts AS (
       SELECT d.day_zero, min(e.entered_at) AS first_at
         FROM phase_entries e JOIN deal_onboarding d ON d.deal_id = e.deal_id
        WHERE e.phase = $6 AND d.day_zero IS NOT NULL
        GROUP BY d.deal_id, d.day_zero
     ), days AS (
       SELECT ${localDay('day_zero', '$3')} AS d0, ${localDay('first_at', '$3')} AS d1 FROM firsts WHERE first_at BETWEEN $1 AND $2
     )
     SELECT $6 AS key, ${spread(businessDays('d0', 'd1'))} FROM days`,
    [w.from, w.to, w.timezone, w.table.firstDay, w.table.days, phase],
  );
  return toSpread(row ?? { key: phase, count: 0, median: null, p80: null });
}

export interface OnTimeRow {
  key: string;
  due: number;
  onTime: number;
}

/**
 * Tasks first100 planned that fell due within the window (and before now), grouped by the deal's PM or by the
 * playbook task: how many were due, how many were completed by their due date (on or before that local date).
 */
export async function readOnTime(db: Queryable, w: AnalyticsWindow, now: number, by: 'pm' | 'playbook-task'): Promise<OnTimeRow[]> {
  const key = by === 'pm' ? "COALESCE(d.pm_owner_id, '')" : 's.step_id';
  const rows = await db.query<{ key: string; due: number; on_time: number }>(
    `SELECT ${key} AS key, count(*)::int AS due,
            count(*) FILTER (WHERE ${localDay(TASK_COMPLETED_AT, '$4')} <= ${localDay('s.due_at', '$4')})::int AS on_time
       FROM steps s JOIN deal_onboarding d ON d.deal_id = s.deal_id
      WHERE s.kind IN ('task', 'owner-task') AND s.status <> 'cancelled' AND s.due_at BETWEEN $1 AND LEAST($2::bigint, $3::bigint)
      GROUP BY 1 ORDER BY 1`,
    [w.from, w.to, now, w.timezone],
  );
  return rows.map((r) => ({ key: r.key, due: Number(r.due), onTime: Number(r.on_time) }));
}

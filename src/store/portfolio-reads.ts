import type { Queryable } from './db.js';
import type { BusinessDayTable, ZoneOffsets } from '../domain/business-day-counter.js';
import { localDaySql } from './analytics-reads.js';
import type { PortfolioFilter } from '../domain/portfolio.js';
import { COMPUTED_COLUMNS, HEALTH_COLUMNS, HEALTH_JOIN, HEALTH_TONE_SQL, HEALTH_VALUE_SQL, toHealth, type HealthRow, type OnboardingHealth } from './onboarding-health.js';

/** A deal in onboarding as the portfolio lists it, from one read of the store. */
export interface OnboardingRow {
  dealId: string;
  dealName: string | null;
  companyId: string | null;
  companyName: string | null;
  pmOwnerId: string | null;
  pipelineId: string | null;
  phase: string;
  enteredAt: number;
  dayZero: number | null;
  paused: boolean;
  /** Business days in the current phase. */
  daysInPhase: number;
  health: OnboardingHealth;
}

interface Row extends HealthRow {
  deal_id: string;
  deal_name: string | null;
  company_id: string | null;
  company_name: string | null;
  pm_owner_id: string | null;
  pipeline_id: string | null;
  phase: string;
  entered_at: string | number;
  day_zero: string | number | null;
  paused: boolean;
  days_in_phase: number;
  total: number;
}

export interface PortfolioQuery {
  filter: PortfolioFilter;
  start: number;
  size: number;
  now: number;
  /** The calendar's time zone around every phase in progress (local days by arithmetic). */
  zone: ZoneOffsets;
  /** Business days per local day, from far enough back to count any phase in progress (see businessDayTable). */
  table: BusinessDayTable;
  /** Business days each phase is expected to take, where the playbook says. */
  expected: Record<string, number>;
  /** Healths in needs-action order; one not listed ranks just before the last. */
  ranks: readonly string[];
}

export interface PortfolioRead {
  rows: OnboardingRow[];
  total: number;
  chart: { phase: string; health: string; count: number }[];
  pms: string[];
  pipelines: string[];
}

const localDay = (column: string) => localDaySql(column, '$1', '$2');

/**
 * Every deal in onboarding (in a phase after the sale, assess being the sale itself; not lost), filtered, ranked
 * needing action first (health, then days past the phase's expected time, then days in the phase, then deal id)
 * and paged, all in the store; with the deals per phase by health of the filtered set, and the filters' choices.
 * Only the page's rows leave the store.
 */
export async function readPortfolio(db: Queryable, q: PortfolioQuery): Promise<PortfolioRead> {
  const first = q.table.firstDay;
  const onboardings = `
    WITH base AS (
      SELECT d.*, ${COMPUTED_COLUMNS}, ${HEALTH_TONE_SQL} AS health_tone,
             ($4::int[])[$5::int - $3::int + 1] - ($4::int[])[GREATEST(${localDay('d.entered_at')}, $3::int) - $3::int + 1] AS days_in_phase
        FROM deal_onboarding d ${HEALTH_JOIN}
       WHERE d.phase IS NOT NULL AND NOT d.lost AND d.phase <> 'assess' AND d.entered_at IS NOT NULL
    ), onboarding AS (
      SELECT base.*, ${HEALTH_VALUE_SQL} AS health_value FROM base
    ), filtered AS (
      SELECT * FROM onboarding
       WHERE ($6::text IS NULL OR pm_owner_id = $6) AND ($7::text IS NULL OR phase = $7)
         AND ($8::text IS NULL OR health_value = $8) AND ($9::text IS NULL OR pipeline_id = $9)
         AND ($10::text[] IS NULL OR pm_owner_id = ANY($10::text[]))
    )`;
  const params = [q.zone.starts, q.zone.offsets, first, q.table.days, localDayOf(q), q.filter.pm ?? null, q.filter.phase ?? null, q.filter.health ?? null, q.filter.pipeline ?? null, q.filter.mine ?? null];
  const [rows, chart, choices] = await Promise.all([
    db.query<Row>(
      `${onboardings}
       SELECT f.deal_id, f.deal_name, f.company_id, c.name AS company_name, f.pm_owner_id, f.pipeline_id, f.phase, f.entered_at,
              f.day_zero, f.paused_at IS NOT NULL AS paused, f.days_in_phase, ${HEALTH_COLUMNS}, count(*) OVER ()::int AS total
         FROM filtered f LEFT JOIN company_names c ON c.company_id = f.company_id
        ORDER BY COALESCE(array_position($11::text[], f.health_value), array_length($11::text[], 1) - 0.5),
                 GREATEST(0, f.days_in_phase - (($12::jsonb)->>f.phase)::int) DESC NULLS LAST, f.days_in_phase DESC, f.deal_id
        LIMIT $13 OFFSET $14`,
      [...params, q.ranks, JSON.stringify(q.expected), q.size, q.start],
    ),
    db.query<{ phase: string; health: string; count: number }>(
      `${onboardings} SELECT phase, health_value AS health, count(*)::int AS count FROM filtered GROUP BY 1, 2`,
      params,
    ),
    db.query<{ pms: string[] | null; pipelines: string[] | null }>(
      `SELECT array_agg(DISTINCT pm_owner_id) FILTER (WHERE pm_owner_id IS NOT NULL) AS pms,
              array_agg(DISTINCT pipeline_id) FILTER (WHERE pipeline_id IS NOT NULL) AS pipelines
         FROM deal_onboarding WHERE phase IS NOT NULL AND NOT lost AND phase <> 'assess'`,
    ),
  ]);
  // Past the last page the window count is gone with the rows: count the filtered set then.
  const total = rows[0]?.total ?? chart.reduce((n, c) => n + Number(c.count), 0);
  return {
    rows: rows.map((r) => ({
      dealId: r.deal_id,
      dealName: r.deal_name,
      companyId: r.company_id,
      companyName: r.company_name,
      pmOwnerId: r.pm_owner_id,
      pipelineId: r.pipeline_id,
      phase: r.phase,
      enteredAt: Number(r.entered_at),
      dayZero: r.day_zero === null ? null : Number(r.day_zero),
      paused: r.paused,
      daysInPhase: Number(r.days_in_phase),
      health: toHealth(r),
    })),
    total: Number(total),
    chart: chart.map((c) => ({ ...c, count: Number(c.count) })),
    pms: [...(choices[0]?.pms ?? [])].sort(),
    pipelines: [...(choices[0]?.pipelines ?? [])].sort(),
  };
}

function localDayOf(q: PortfolioQuery): number {
  return q.table.firstDay + q.table.days.length - 1;
}

export interface LastAnswer {
  survey: string;
  score: number;
  at: number;
}

/** The latest answer per survey scale (NPS, CSAT, CES never mixed) of each of these deals. */
export async function readLastAnswersPerScale(db: Queryable, dealIds: string[]): Promise<Map<string, LastAnswer[]>> {
  const answers = new Map<string, LastAnswer[]>(dealIds.map((id) => [id, []]));
  if (dealIds.length === 0) return answers;
  const rows = await db.query<{ deal_id: string; survey: string; score: number; answered_at: string | number }>(
    `SELECT DISTINCT ON (r.deal_id, r.survey) r.deal_id, r.survey, a.score, a.answered_at
       FROM feedback_requests r JOIN feedback_answers a ON a.request_id = r.id
      WHERE r.deal_id = ANY($1::text[])
      ORDER BY r.deal_id, r.survey, a.answered_at DESC`,
    [dealIds],
  );
  for (const r of rows) answers.get(r.deal_id)?.push({ survey: r.survey, score: Number(r.score), at: Number(r.answered_at) });
  return answers;
}

export interface UpcomingStep {
  kind: string;
  dueAt: number;
  title: string | null;
  template: string | null;
  to: string | null;
}

/** Each deal's next step in its current phase: the earliest not yet due, or still waiting to run. */
export async function readNextSteps(db: Queryable, dealIds: string[], now: number): Promise<Map<string, UpcomingStep>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db.query<{ deal_id: string; kind: string; due_at: string | number; title: string | null; template: string | null; to: string | null }>(
    `SELECT DISTINCT ON (s.deal_id) s.deal_id, s.kind, s.due_at, s.payload->'task'->>'subject' AS title,
            s.payload->>'template' AS template, s.payload->>'to' AS "to"
       FROM deal_onboarding d JOIN steps s ON s.entry_id = d.entry_id
      WHERE d.deal_id = ANY($1::text[]) AND s.kind IN ('task', 'owner-task', 'email', 'advance')
        AND s.status NOT IN ('cancelled', 'failed') AND (s.status = 'pending' OR s.due_at >= $2)
      ORDER BY s.deal_id, s.due_at, s.id`,
    [dealIds, now],
  );
  return new Map(rows.map((r) => [r.deal_id, { kind: r.kind, dueAt: Number(r.due_at), title: r.title, template: r.template, to: r.to }]));
}

import type { Queryable } from './db.js';
import { HEALTH_COLUMNS, toHealth, type HealthRow, type OnboardingHealth } from './onboarding-health.js';

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
}

/**
 * Every deal in onboarding: in a phase after the sale (assess is the sale itself), not lost. One query, the light
 * columns only, so the whole portfolio can be ranked and filtered before a page of it is detailed.
 */
export async function readOnboardings(db: Queryable): Promise<OnboardingRow[]> {
  const rows = await db.query<Row>(
    `SELECT d.deal_id, d.deal_name, d.company_id, c.name AS company_name, d.pm_owner_id, d.pipeline_id, d.phase,
            d.entered_at, d.day_zero, d.paused_at IS NOT NULL AS paused, ${HEALTH_COLUMNS}
       FROM deal_onboarding d LEFT JOIN company_names c ON c.company_id = d.company_id
      WHERE d.phase IS NOT NULL AND NOT d.lost AND d.phase <> 'assess' AND d.entered_at IS NOT NULL`,
  );
  return rows.map((r) => ({
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
    health: toHealth(r),
  }));
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

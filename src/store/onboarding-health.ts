import { dealHealth, healthSignals } from '../domain/client-health.js';
import { SURVEY_KINDS, SURVEY_SCALES, isSurveyKind, toneOf, type AnswerTone } from '../domain/feedback-scoring.js';
import { describeReason } from '../domain/health/describe-reasons.js';
import type { HealthReason } from '../domain/health/health-reasons.js';
import type { Locale, Phase } from '../domain/phases.js';
import type { Playbook } from '../domain/playbook-schema.js';

/**
 * THE one place the app pages read a deal's health from the store: the computed health in `deal_health`
 * (src/domain/health/, written by the health recomputation), and, for a deal in onboarding not computed yet, the
 * health its signals give (the latest answer and the silence, as the cards derive it). The portfolio query joins
 * `HEALTH_JOIN` and selects `HEALTH_TONE_SQL AS health_tone`, then `HEALTH_VALUE_SQL` and `HEALTH_COLUMNS`.
 */
export const HEALTH_JOIN = 'LEFT JOIN deal_health h ON h.deal_id = d.deal_id';

export const HEALTH_COLUMNS = `computed_health, computed_reasons, computed_overdue, computed_go_live, computed_slip,
  last_feedback->>'kind' AS health_kind, last_feedback->>'score' AS health_score, last_feedback->>'at' AS health_answered_at,
  silent_since AS health_silent_since`;

/** The computed health's columns, to select beside `d.*` with HEALTH_JOIN. */
export const COMPUTED_COLUMNS = `h.health AS computed_health, h.reasons AS computed_reasons, h.overdue_tasks AS computed_overdue,
  h.projected_go_live AS computed_go_live, h.slip_business_days AS computed_slip`;

/** The tone of the deal's latest answer (detractor, neutral, positive) or NULL: select it AS health_tone. */
export const HEALTH_TONE_SQL = `CASE (last_feedback->>'kind') || ':' || (last_feedback->>'score') ${SURVEY_KINDS.flatMap((kind) => {
  const { min, max } = SURVEY_SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => `WHEN '${kind}:${min + i}' THEN '${toneOf({ kind, score: min + i })}'`);
}).join(' ')} END`;

/**
 * The same health as `toHealth`, as SQL (with `health_tone` and the computed columns selected), so the portfolio can
 * filter, rank and count 10,000 deals in the store. The fallback is generated from the domain's own rules (toneOf,
 * dealHealth) over every case they decide, so no rule is written twice.
 */
export const HEALTH_VALUE_SQL = `COALESCE(computed_health, CASE ${(['detractor', 'neutral', 'positive', null] as (AnswerTone | null)[]).flatMap((tone) =>
  [true, false].map((silent) => {
    const toneTest = tone === null ? 'health_tone IS NULL' : `health_tone = '${tone}'`;
    return `WHEN ${toneTest} AND (silent_since IS NOT NULL) = ${silent} THEN '${dealHealth({ lastTone: tone, silentSince: silent ? 0 : null })}'`;
  }),
).join(' ')} END)`;

/**
 * When HubSpot says a task first100 created was completed, for the on-time rate: the health sweep records it in
 * `task_completions` (src/store/health-inputs.ts). A SQL join and expression over the steps table aliased `s`.
 */
export const TASK_COMPLETION_JOIN = 'LEFT JOIN task_completions tc ON tc.task_id = s.hubspot_id';
export const TASK_COMPLETED_AT = 'tc.completed_at';

export interface HealthRow {
  computed_health: string | null;
  computed_reasons: HealthReason[] | null;
  computed_overdue: number | null;
  computed_go_live: string | null;
  computed_slip: number | null;
  health_kind: string | null;
  health_score: string | null;
  health_answered_at: string | null;
  health_silent_since: string | number | null;
}

export interface OnboardingHealth {
  /** A `first100_health` value. */
  value: string;
  /** Most severe first; the computed health's own, or its signals' for a deal not computed yet. */
  reasons: HealthReason[];
  /** Overdue tasks, projected go-live (YYYY-MM-DD) and slip; null until the health is computed. */
  overdueTasks: number | null;
  projectedGoLive: string | null;
  slipBusinessDays: number | null;
}

export function toHealth(row: HealthRow): OnboardingHealth {
  if (row.computed_health !== null) {
    return {
      value: row.computed_health,
      reasons: row.computed_reasons ?? [],
      overdueTasks: row.computed_overdue === null ? null : Number(row.computed_overdue),
      projectedGoLive: row.computed_go_live,
      slipBusinessDays: row.computed_slip === null ? null : Number(row.computed_slip),
    };
  }
  const kind = row.health_kind;
  const answer = kind !== null && isSurveyKind(kind) && row.health_score !== null ? { kind, score: Number(row.health_score), at: Number(row.health_answered_at ?? 0) } : null;
  const silentSince = row.health_silent_since === null ? null : Number(row.health_silent_since);
  const signals = healthSignals(answer, silentSince);
  const reasons: HealthReason[] = [];
  if (answer && signals.lastTone === 'detractor') reasons.push({ kind: 'detractor-answer', survey: answer.kind, score: answer.score, at: answer.at });
  if (silentSince !== null) reasons.push({ kind: 'silent', since: silentSince });
  if (answer && signals.lastTone === 'neutral') reasons.push({ kind: 'lukewarm-answer', survey: answer.kind, score: answer.score, at: answer.at });
  return { value: dealHealth(signals), reasons, overdueTasks: null, projectedGoLive: null, slipBusinessDays: null };
}

/** The business days a phase is expected to take, when the playbook says (`expected: {businessDays: N}`). */
export function expectedBusinessDays(playbook: Playbook, phase: Phase): number | null {
  return playbook.phases[phase]?.expected?.businessDays ?? null;
}

/** A reason in words, as the deal card and `first100_health_reasons` say it. */
export function reasonText(reason: HealthReason, locale: Locale, timezone: string): string {
  return describeReason(reason, locale, timezone);
}

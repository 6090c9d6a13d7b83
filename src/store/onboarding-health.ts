import { dealHealth, healthSignals } from '../domain/client-health.js';
import { SURVEY_KINDS, SURVEY_SCALES, toneOf, type AnswerTone } from '../domain/feedback-scoring.js';
import type { Locale, Phase } from '../domain/phases.js';
import type { Playbook } from '../domain/playbook-schema.js';

/**
 * THE one place the app pages read a deal's health from the store. Today first100 keeps only the signals behind
 * `first100_health` (the latest answer and the silence); the computed health (behind, stuck, projected go-live,
 * slip, with reasons) replaces what is read here and nothing else: the SQL columns, the row type and `toHealth`.
 */
export const HEALTH_COLUMNS = `last_feedback->>'kind' AS health_kind, last_feedback->>'score' AS health_score,
  last_feedback->>'at' AS health_answered_at, silent_since AS health_silent_since`;

/**
 * When HubSpot says a task first100 created was completed (epoch ms; NULL while open or not known), as a SQL
 * expression over the steps table aliased `s`: the on-time rate counts a task on time when this is at or before its
 * due date. Read here, with the health, because the computed health's "behind" rests on the same knowledge.
 */
export const TASK_COMPLETED_AT = 's.completed_at';

/** The tone of the deal's latest answer (detractor, neutral, positive) or NULL: select it AS health_tone. */
export const HEALTH_TONE_SQL = `CASE (last_feedback->>'kind') || ':' || (last_feedback->>'score') ${SURVEY_KINDS.flatMap((kind) => {
  const { min, max } = SURVEY_SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => `WHEN '${kind}:${min + i}' THEN '${toneOf({ kind, score: min + i })}'`);
}).join(' ')} END`;

/**
 * The same health as `toHealth`, as a SQL expression over `deal_onboarding` with `health_tone` selected (above), so
 * the portfolio can filter, rank and count 10,000 deals in the store. Generated from the domain's own rules (toneOf,
 * dealHealth) over every case they decide, so the rule is written once.
 */
export const HEALTH_VALUE_SQL = `CASE ${(['detractor', 'neutral', 'positive', null] as (AnswerTone | null)[]).flatMap((tone) =>
  [true, false].map((silent) => {
    const toneTest = tone === null ? 'health_tone IS NULL' : `health_tone = '${tone}'`;
    return `WHEN ${toneTest} AND (silent_since IS NOT NULL) = ${silent} THEN '${dealHealth({ lastTone: tone, silentSince: silent ? 0 : null })}'`;
  }),
).join(' ')} END`;

export interface HealthRow {
  health_kind: string | null;
  health_score: string | null;
  health_answered_at: string | null;
  health_silent_since: string | number | null;
}

export interface HealthReason {
  code: string;
  /** Epoch ms the reason refers to (the answer, the start of the silence), when it has one. */
  at: number | null;
  score?: number;
  survey?: string;
}

export interface OnboardingHealth {
  /** A `first100_health` value. */
  value: string;
  reasons: HealthReason[];
  /** The deal's overdue tasks; null while first100 does not know which tasks are done. */
  overdueTasks: number | null;
  /** Epoch ms of the projected go-live, and its slip in business days against the day-zero plan; null until computed. */
  projectedGoLive: number | null;
  slipBusinessDays: number | null;
}

export function toHealth(row: HealthRow): OnboardingHealth {
  const answer = row.health_kind !== null && row.health_score !== null ? { kind: row.health_kind, score: Number(row.health_score) } : null;
  const silentSince = row.health_silent_since === null ? null : Number(row.health_silent_since);
  const signals = healthSignals(answer, silentSince);
  const value = dealHealth(signals);
  const reasons: HealthReason[] = [];
  const answeredAt = row.health_answered_at === null ? null : Number(row.health_answered_at);
  if (answer && signals.lastTone === 'detractor') reasons.push({ code: 'detractor_answer', at: answeredAt, score: answer.score, survey: answer.kind });
  if (silentSince !== null) reasons.push({ code: 'silent', at: silentSince });
  if (answer && signals.lastTone === 'neutral') reasons.push({ code: 'lukewarm_answer', at: answeredAt, score: answer.score, survey: answer.kind });
  return { value, reasons, overdueTasks: null, projectedGoLive: null, slipBusinessDays: null };
}

/** The business days a phase is expected to take, when the playbook says (`expected: {businessDays: N}`). */
export function expectedBusinessDays(playbook: Playbook, phase: Phase): number | null {
  const plan = playbook.phases[phase] as { expected?: { businessDays?: number } } | undefined;
  return plan?.expected?.businessDays ?? null;
}

const REASON_TEXT: Record<string, Record<Locale, (r: HealthReason, date: string) => string>> = {
  detractor_answer: { en: (r, d) => `${r.survey} answer ${r.score} on ${d}`, it: (r, d) => `risposta ${r.survey} ${r.score} il ${d}` },
  lukewarm_answer: { en: (r, d) => `lukewarm ${r.survey} answer ${r.score} on ${d}`, it: (r, d) => `risposta ${r.survey} tiepida ${r.score} il ${d}` },
  silent: { en: (_r, d) => `no contact since ${d}`, it: (_r, d) => `nessun contatto dal ${d}` },
};

/** A reason in words; a reason code this version does not know is shown as its code. */
export function reasonText(reason: HealthReason, locale: Locale, dateOf: (ms: number) => string): string {
  const text = REASON_TEXT[reason.code]?.[locale];
  return text ? text(reason, reason.at === null ? '' : dateOf(reason.at)) : reason.code;
}

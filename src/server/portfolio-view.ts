import { DateTime } from 'luxon';
import { businessDayCounter } from '../domain/business-day-counter.js';
import { onboardingDay } from '../domain/onboarding-day.js';
import { isPhase, PHASES, phaseLabel, type Locale } from '../domain/phases.js';
import { choicesOf, compareNeedingAction, dealsPerPhaseByHealth, matchesFilter, NEEDS_ACTION_ORDER, pageOf, type PortfolioFilter } from '../domain/portfolio.js';
import { HEALTH_LABELS, isHealth } from '../domain/status-labels.js';
import type { Engine } from '../jobs/engine.js';
import { expectedBusinessDays, reasonText } from '../store/onboarding-health.js';
import { readLastAnswersPerScale, readNextSteps, readOnboardings, type OnboardingRow, type UpcomingStep } from '../store/portfolio-reads.js';
import type { Labeled } from './card-api-types.js';
import type { PortfolioDeal, PortfolioView } from './page-api-types.js';

export interface PortfolioQuery extends PortfolioFilter {
  start: number;
  size: number;
}

/**
 * The portfolio page: every deal in onboarding, needing action first, filtered and paged, with the chart of deals
 * per phase by health. All from first100's store: one read of the light columns of every onboarding, then the
 * answers and next steps of the page's deals only.
 */
export async function portfolioView(engine: Engine, query: PortfolioQuery, locale: Locale): Promise<PortfolioView> {
  const now = engine.clock();
  const tz = engine.calendar.timezone;
  const days = businessDayCounter((iso) => engine.calendar.isBusinessDay(iso), tz);
  const all = (await readOnboardings(engine.db)).map((row) => ({
    row,
    dealId: row.dealId,
    phase: row.phase,
    pmOwnerId: row.pmOwnerId,
    pipelineId: row.pipelineId,
    health: row.health,
    daysInPhase: days.between(row.enteredAt, now),
    expectedDays: isPhase(row.phase) ? expectedBusinessDays(engine.playbook, row.phase) : null,
  }));
  const filtered = all.filter((d) => matchesFilter(d, query)).sort(compareNeedingAction);
  const page = pageOf(filtered, query.start, query.size);
  const ids = page.items.map((d) => d.dealId);
  const [answers, nextSteps] = await Promise.all([readLastAnswersPerScale(engine.db, ids), readNextSteps(engine.db, ids, now)]);
  const dateOf = (ms: number) => DateTime.fromMillis(ms, { zone: tz }).toISODate()!;
  return {
    locale,
    filters: { pm: query.pm ?? null, phase: query.phase ?? null, health: query.health ?? null, pipeline: query.pipeline ?? null },
    choices: {
      pms: choicesOf(all, (d) => d.pmOwnerId),
      phases: PHASES.filter((p) => p !== 'assess').map((p) => ({ value: p, label: phaseLabel(p, locale) })),
      healths: NEEDS_ACTION_ORDER.map((h) => healthLabel(h, locale)),
      pipelines: choicesOf(all, (d) => d.pipelineId),
    },
    chart: dealsPerPhaseByHealth(filtered),
    total: page.total,
    start: query.start,
    next: page.next,
    deals: page.items.map((d) => ({
      ...dealView(d.row, locale, now, tz, dateOf),
      daysInPhase: d.daysInPhase,
      expectedDays: d.expectedDays,
      lastAnswers: (answers.get(d.dealId) ?? []).map((a) => ({ survey: a.survey, score: a.score, at: new Date(a.at).toISOString() })),
      nextStep: nextStepView(nextSteps.get(d.dealId), locale),
    })),
  };
}

type DealBase = Omit<PortfolioDeal, 'daysInPhase' | 'expectedDays' | 'lastAnswers' | 'nextStep'>;

function dealView(row: OnboardingRow, locale: Locale, now: number, tz: string, dateOf: (ms: number) => string): DealBase {
  const h = row.health;
  return {
    dealId: row.dealId,
    dealName: row.dealName,
    companyName: row.companyName,
    pmOwnerId: row.pmOwnerId,
    pipelineId: row.pipelineId,
    phase: { value: row.phase, label: isPhase(row.phase) ? phaseLabel(row.phase, locale) : row.phase },
    day: onboardingDay(row.dayZero, now, tz),
    health: { ...healthLabel(h.value, locale), reasons: h.reasons.map((r) => reasonText(r, locale, dateOf)) },
    overdueTasks: h.overdueTasks,
    projectedGoLive: h.projectedGoLive === null ? null : dateOf(h.projectedGoLive),
    slipBusinessDays: h.slipBusinessDays,
    paused: row.paused,
  };
}

/** A health value with its label; a value this version has no label for is shown as it is stored. */
export function healthLabel(value: string, locale: Locale): Labeled {
  return { value, label: isHealth(value) ? HEALTH_LABELS[value][locale] : value.replace(/_/g, ' ') };
}

const STEP_WORDS: Record<Locale, { email: (t: string) => string; advance: (to: string) => string }> = {
  en: { email: (t) => `email "${t}"`, advance: (to) => `moves on to ${to}` },
  it: { email: (t) => `email "${t}"`, advance: (to) => `passa a ${to}` },
};

function nextStepView(step: UpcomingStep | undefined, locale: Locale): PortfolioDeal['nextStep'] {
  if (!step) return null;
  const words = STEP_WORDS[locale];
  const text =
    step.kind === 'advance'
      ? words.advance(isPhase(step.to) ? phaseLabel(step.to, locale) : (step.to ?? ''))
      : step.kind === 'email'
        ? words.email(step.template ?? '')
        : (step.title ?? '');
  return { kind: step.kind, dueAt: new Date(step.dueAt).toISOString(), text };
}

import { businessDayCounter, businessDayTable, zoneOffsets } from '../domain/business-day-counter.js';
import { onboardingDay } from '../domain/onboarding-day.js';
import { isPhase, PHASES, phaseLabel, type Locale, type Phase } from '../domain/phases.js';
import { chartOrder, NEEDS_ACTION_ORDER, type PortfolioFilter } from '../domain/portfolio.js';
import { HEALTH_LABELS, isHealth } from '../domain/status-labels.js';
import type { Engine } from '../jobs/engine.js';
import { ownerNames } from '../domain/owner-name.js';
import { readStoredOwners } from '../store/owner-store.js';
import { expectedBusinessDays, reasonText } from '../store/onboarding-health.js';
import { readLastAnswersPerScale, readNextSteps, readPortfolio, type OnboardingRow, type UpcomingStep } from '../store/portfolio-reads.js';
import type { Labeled } from './card-api-types.js';
import type { PortfolioDeal, PortfolioView } from './page-api-types.js';

export interface PortfolioQuery extends PortfolioFilter {
  start: number;
  size: number;
}

/** Days in a phase are counted back at most this far (three years): a longer stay shows as three years. */
const COUNTED_DAYS = 3 * 366;

/**
 * The portfolio page: every deal in onboarding, needing action first, filtered and paged, with the chart of deals
 * per phase by health. All from first100's store, which filters, ranks, counts and pages; then the answers and next
 * steps of the page's deals only.
 */
export async function portfolioView(engine: Engine, query: PortfolioQuery, locale: Locale, myOwnerId: string | null = null): Promise<PortfolioView> {
  const now = engine.clock();
  const tz = engine.calendar.timezone;
  const isBusinessDay = (iso: string) => engine.calendar.isBusinessDay(iso);
  const today = businessDayCounter(isBusinessDay, tz).localDay(now);
  const expected = Object.fromEntries(PHASES.map((p) => [p, expectedBusinessDays(engine.playbook, p)]).filter((e): e is [Phase, number] => e[1] !== null));
  const read = await readPortfolio(engine.db, {
    filter: query,
    start: query.start,
    size: query.size,
    now,
    zone: zoneOffsets(tz, now - (COUNTED_DAYS + 2) * 86_400_000, now + 86_400_000),
    table: businessDayTable(isBusinessDay, today - COUNTED_DAYS, today),
    expected,
    ranks: NEEDS_ACTION_ORDER,
  });
  const ids = read.rows.map((d) => d.dealId);
  const [answers, nextSteps, owners] = await Promise.all([
    readLastAnswersPerScale(engine.db, ids),
    readNextSteps(engine.db, ids, now),
    // Every PM of the portfolio (the filter's choices), so the page's rows are among them.
    readStoredOwners(engine.db, read.pms),
  ]);
  return {
    locale,
    filters: { pm: query.pm ?? null, phase: query.phase ?? null, health: query.health ?? null, pipeline: query.pipeline ?? null, mine: query.mine !== undefined },
    pmNames: Object.fromEntries(ownerNames(owners)),
    me: { ownerId: myOwnerId },
    choices: {
      pms: read.pms,
      phases: PHASES.filter((p) => p !== 'assess').map((p) => ({ value: p, label: phaseLabel(p, locale) })),
      healths: NEEDS_ACTION_ORDER.map((h) => healthLabel(h, locale)),
      pipelines: read.pipelines,
    },
    chart: chartOrder(read.chart),
    total: read.total,
    start: query.start,
    next: query.start + read.rows.length < read.total ? query.start + read.rows.length : null,
    deals: read.rows.map((d) => ({
      ...dealView(d, locale, now, tz),
      daysInPhase: d.daysInPhase,
      expectedDays: isPhase(d.phase) ? (expected[d.phase] ?? null) : null,
      lastAnswers: (answers.get(d.dealId) ?? []).map((a) => ({ survey: a.survey, score: a.score, at: new Date(a.at).toISOString() })),
      nextStep: nextStepView(nextSteps.get(d.dealId), locale),
    })),
  };
}

type DealBase = Omit<PortfolioDeal, 'daysInPhase' | 'expectedDays' | 'lastAnswers' | 'nextStep'>;

function dealView(row: OnboardingRow, locale: Locale, now: number, tz: string): DealBase {
  const h = row.health;
  return {
    dealId: row.dealId,
    dealName: row.dealName,
    companyName: row.companyName,
    pmOwnerId: row.pmOwnerId,
    pipelineId: row.pipelineId,
    phase: { value: row.phase, label: isPhase(row.phase) ? phaseLabel(row.phase, locale) : row.phase },
    day: onboardingDay(row.dayZero, now, tz),
    health: { ...healthLabel(h.value, locale), reasons: h.reasons.map((r) => reasonText(r, locale, tz)) },
    overdueTasks: h.overdueTasks,
    projectedGoLive: h.projectedGoLive,
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

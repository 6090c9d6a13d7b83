import { DateTime } from 'luxon';
import { dealHealth } from '../domain/client-health.js';
import { completeness } from '../domain/handoff.js';
import { HANDOFF_STATUS_LABELS } from '../domain/handoff-items.js';
import { calendarDaysBetween, onboardingDay, ONBOARDING_DAYS } from '../domain/onboarding-day.js';
import { isPhase, PHASES, phaseIndex, phaseLabel, type Locale } from '../domain/phases.js';
import { HEALTH_LABELS } from '../domain/status-labels.js';
import { healthDetailView } from './health-detail-view.js';
import { readDealHealth, type StoredDealHealth } from '../store/deal-health-store.js';
import type { Engine } from '../jobs/engine.js';
import { isDealKnown, readDealRecord, readPlannedSteps, type DealRecord, type PlannedStep } from '../store/card-reads.js';
import { readHandoff } from '../store/handoff-store.js';
import type { DealCardView, NextStep } from './card-api-types.js';
import { dealFeedbackViews, scaled } from './feedback-card-views.js';
import { readUnknownRecord } from './unknown-record.js';

const MAX_STEPS = 20;

/**
 * Everything the deal card shows, from first100's store: phase, day, steps, handoff, and the health and last answer
 * the engine derives from the same signals. HubSpot is asked only about a deal the store knows nothing of (404 when
 * HubSpot has no such deal).
 */
export async function dealCardView(engine: Engine, dealId: string, locale: Locale): Promise<DealCardView> {
  const now = engine.clock();
  const tz = engine.calendar.timezone;
  const [record, handoff, computed] = await Promise.all([readDealRecord(engine.db, dealId), readHandoff(engine.db, dealId), readDealHealth(engine.db, [dealId])]);
  const stored = computed.get(dealId);
  const hubspotUnavailable = !record && !(await isDealKnown(engine.db, dealId)) && (await readUnknownRecord(engine, 'deals', dealId)) === 'unavailable';
  const phase = record?.phase ?? null;
  const steps = phase && record?.entryId ? await readPlannedSteps(engine.db, dealId, record.entryId, MAX_STEPS) : [];
  return {
    dealId,
    locale,
    phases: PHASES.map((p) => ({ value: p, label: phaseLabel(p, locale) })),
    onboarding:
      phase && record?.enteredAt != null
        ? {
            phase,
            phaseLabel: phaseLabel(phase, locale),
            phaseIndex: phaseIndex(phase),
            enteredAt: new Date(record.enteredAt).toISOString(),
            daysInPhase: calendarDaysBetween(record.enteredAt, now, tz),
            day: onboardingDay(record.dayZero, now, tz),
            of: ONBOARDING_DAYS,
            dayZero: record.dayZero === null ? null : DateTime.fromMillis(record.dayZero, { zone: tz }).toISODate(),
          }
        : null,
    lost: record?.lost ?? false,
    health: healthOf(record, locale, stored),
    healthDetail: stored && record?.phase && !record.lost ? healthDetailView(stored, locale, tz) : null,
    lastFeedback: record?.lastAnswer ? { ...scaled(record.lastAnswer, locale), at: new Date(record.lastAnswer.at).toISOString() } : null,
    ...(await dealFeedbackViews(engine, dealId, locale)),
    nextSteps: steps.map((s) => nextStep(s, locale)),
    handoff: { status: handoff.status, label: HANDOFF_STATUS_LABELS[handoff.status][locale], completeness: completeness(handoff) },
    hubspotUnavailable,
  };
}

/**
 * A deal has a health while it is in onboarding, as `first100_health` does (set on entry, cleared when lost): the
 * computed one, or the one derived from answers and silence for a deal not computed yet.
 */
function healthOf(record: DealRecord | undefined, locale: Locale, computed: StoredDealHealth | undefined): DealCardView['health'] {
  if (!record || record.phase === null || record.lost) return null;
  const health = computed?.health ?? dealHealth(record.signals);
  return { value: health, label: HEALTH_LABELS[health][locale] };
}

function nextStep(step: PlannedStep, locale: Locale): NextStep {
  const base = { dueAt: new Date(step.dueAt).toISOString(), status: step.status };
  if (step.kind === 'task') return { kind: 'task', ...base, title: step.title ?? '', assignee: step.assignee ?? 'unassigned', ownerId: step.ownerId };
  if (step.kind === 'email') return { kind: 'email', ...base, template: step.template ?? '', ...present({ survey: step.survey, touchpoint: step.touchpoint }) };
  const to = step.to ?? '';
  return { kind: 'advance', ...base, to, toLabel: isPhase(to) ? phaseLabel(to, locale) : to };
}

/** An email without a survey has neither survey nor touchpoint in the answer (as the card's type says: optional). */
function present(fields: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== null));
}

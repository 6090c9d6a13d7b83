import { DateTime } from 'luxon';
import { completeness } from '../domain/handoff.js';
import { HANDOFF_STATUS_LABELS } from '../domain/handoff-items.js';
import { calendarDaysBetween, onboardingDay, ONBOARDING_DAYS } from '../domain/onboarding-day.js';
import { isPhase, PHASES, phaseIndex, phaseLabel, type Locale } from '../domain/phases.js';
import { HEALTH_LABELS, isHealth } from '../domain/status-labels.js';
import type { Engine } from '../jobs/engine.js';
import { readDealStates } from '../store/deal-state-reads.js';
import { readHandoff } from '../store/handoff-store.js';
import { readTimeline, type TimelineStep } from '../store/timeline-store.js';
import type { DealCardView, NextStep } from './card-api-types.js';
import { hubspotDatetime } from './hubspot-datetime.js';

export const DEAL_CARD_PROPERTIES = ['first100_health', 'first100_last_feedback_score', 'first100_last_feedback_at'];
const MAX_STEPS = 20;

/** Everything the deal card shows, from our store and the deal's first100 properties in HubSpot. */
export async function dealCardView(engine: Engine, dealId: string, locale: Locale): Promise<DealCardView> {
  const now = engine.clock();
  const tz = engine.calendar.timezone;
  const state = (await readDealStates(engine.db, [dealId])).get(dealId);
  const handoff = await readHandoff(engine.db, dealId);
  let properties: Record<string, string | null> = {};
  let hubspotUnavailable = false;
  try {
    properties = (await engine.hubspot.readObjects('deals', [dealId], DEAL_CARD_PROPERTIES)).get(dealId) ?? {};
  } catch (error) {
    // The store still answers: show what it knows and say that HubSpot's part is missing.
    hubspotUnavailable = true;
    engine.log.warn({ dealId, err: { message: (error as Error).message } }, 'deal card: HubSpot properties unavailable');
  }
  const phase = state?.phase ?? null;
  const entry = phase ? (await readTimeline(engine.db, [dealId])).filter((e) => e.phase === phase).at(-1) : undefined;
  const health = properties.first100_health;
  const score = properties.first100_last_feedback_score;
  return {
    dealId,
    locale,
    phases: PHASES.map((p) => ({ value: p, label: phaseLabel(p, locale) })),
    onboarding:
      phase && state?.enteredAt != null
        ? {
            phase,
            phaseLabel: phaseLabel(phase, locale),
            phaseIndex: phaseIndex(phase),
            enteredAt: new Date(state.enteredAt).toISOString(),
            daysInPhase: calendarDaysBetween(state.enteredAt, now, tz),
            day: onboardingDay(state.dayZero, now, tz),
            of: ONBOARDING_DAYS,
            dayZero: state.dayZero === null ? null : DateTime.fromMillis(state.dayZero, { zone: tz }).toISODate(),
          }
        : null,
    lost: state?.lost ?? false,
    health: isHealth(health) ? { value: health, label: HEALTH_LABELS[health][locale] } : null,
    lastFeedback: score ? { score: Number(score), at: hubspotDatetime(properties.first100_last_feedback_at) } : null,
    nextSteps: (entry?.steps ?? [])
      .filter((s) => s.kind !== 'note' && s.status !== 'cancelled')
      .slice(0, MAX_STEPS).map((s) => nextStep(s, locale)),
    handoff: { status: handoff.status, label: HANDOFF_STATUS_LABELS[handoff.status][locale], completeness: completeness(handoff) },
    hubspotUnavailable,
  };
}

function nextStep(step: TimelineStep, locale: Locale): NextStep {
  const p = step.payload as Record<string, any>;
  const base = { dueAt: new Date(step.dueAt).toISOString(), status: step.status };
  if (step.kind === 'task') return { kind: 'task', ...base, title: p.task.subject, assignee: p.assignee, ownerId: p.task.ownerId ?? null };
  if (step.kind === 'email') return { kind: 'email', ...base, template: p.template, survey: p.survey, touchpoint: p.touchpoint };
  const to = String(p.to);
  return { kind: 'advance', ...base, to, toLabel: isPhase(to) ? phaseLabel(to, locale) : to };
}

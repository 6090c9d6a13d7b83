import type { BusinessCalendar } from '../business-calendar.js';
import { toneOf, type SurveyKind } from '../feedback-scoring.js';
import type { Phase } from '../phases.js';
import type { Playbook } from '../playbook-schema.js';
import type { Health } from '../status-labels.js';
import { businessDaysBetween, localDate } from './business-days.js';
import type { ComputedHealth } from './computed-health.js';
import { plannedGoLive, projectedGoLive, slipBusinessDays } from './go-live.js';
import type { HealthReason, OverdueTask } from './health-reasons.js';

/** A task the "behind" rule counts: first100's own (created in HubSpot, not closed by first100) or the client's. */
export interface TrackedTask {
  title: string;
  dueAt: number;
  completed: boolean;
  source: OverdueTask['source'];
}

export interface HealthInput {
  phase: Phase;
  /** When the deal entered its current phase. */
  enteredAt: number;
  dayZero: number | null;
  /** The client's latest survey answer on the deal. */
  lastAnswer: { kind: SurveyKind; score: number; at: number } | null;
  silentSince: number | null;
  tasks: TrackedTask[];
  /** The go-live planned at day zero, as first stored; computed from day zero when none is stored yet. */
  storedPlannedGoLive: string | null;
  playbook: Pick<Playbook, 'phases' | 'health'>;
  calendar: Pick<BusinessCalendar, 'timezone' | 'isBusinessDay'>;
  now: number;
}

/**
 * The order of precedence, most severe first: the health is the first rule that fires, and the reasons list every
 * rule that fired in this order. What the client says (a detractor answer) outranks what they do not say (silence);
 * both outrank our own lateness, where a phase past its expected time (the whole plan slips) outranks overdue tasks;
 * a lukewarm answer is the mildest signal.
 */
export const HEALTH_PRECEDENCE = ['at_risk', 'silent', 'stuck', 'behind', 'needs_attention'] as const satisfies readonly Health[];

const HEALTH_OF: Record<HealthReason['kind'], Health> = {
  'detractor-answer': 'at_risk',
  silent: 'silent',
  'over-expected': 'stuck',
  'overdue-tasks': 'behind',
  'lukewarm-answer': 'needs_attention',
};

function overdueTask(t: TrackedTask, calendar: HealthInput['calendar'], today: string): OverdueTask {
  const dueDate = localDate(t.dueAt, calendar);
  return { title: t.title, dueDate, source: t.source, businessDaysOverdue: Math.max(0, businessDaysBetween(calendar, dueDate, today)) };
}

/** The health of a deal in onboarding, its reasons, and its projected go-live and slip. Pure: time comes in as `now`. */
export function computeHealth(input: HealthInput): ComputedHealth {
  const { phase, playbook, calendar, now } = input;
  const today = localDate(now, calendar);
  const enteredDate = localDate(input.enteredAt, calendar);
  const businessDaysInPhase = Math.max(0, businessDaysBetween(calendar, enteredDate, today));
  const expectedBusinessDays = playbook.phases[phase]?.expected?.businessDays ?? null;

  const due = input.tasks.filter((t) => t.dueAt <= now);
  const open = due.filter((t) => !t.completed).sort((a, b) => a.dueAt - b.dueAt);

  const reasons: HealthReason[] = [];
  const tone = input.lastAnswer ? toneOf(input.lastAnswer) : null;
  if (input.lastAnswer && tone === 'detractor') reasons.push({ kind: 'detractor-answer', survey: input.lastAnswer.kind, score: input.lastAnswer.score, at: input.lastAnswer.at });
  if (input.silentSince !== null) reasons.push({ kind: 'silent', since: input.silentSince });
  if (expectedBusinessDays !== null && businessDaysInPhase > expectedBusinessDays) {
    reasons.push({ kind: 'over-expected', phase, businessDaysInPhase, expectedBusinessDays, overBy: businessDaysInPhase - expectedBusinessDays });
  }
  if (open.length > 0 && open.length / due.length > playbook.health.behind.overdueShare) {
    reasons.push({ kind: 'overdue-tasks', open: open.length, due: due.length, tasks: open.map((t) => overdueTask(t, calendar, today)) });
  }
  if (input.lastAnswer && tone === 'neutral') reasons.push({ kind: 'lukewarm-answer', survey: input.lastAnswer.kind, score: input.lastAnswer.score, at: input.lastAnswer.at });

  const planned = input.storedPlannedGoLive ?? (input.dayZero === null ? null : plannedGoLive(playbook.phases, calendar, localDate(input.dayZero, calendar)));
  const projected = projectedGoLive(playbook.phases, calendar, { phase, enteredDate }, today);
  const rank = (r: HealthReason) => HEALTH_PRECEDENCE.indexOf(HEALTH_OF[r.kind] as (typeof HEALTH_PRECEDENCE)[number]);
  reasons.sort((a, b) => rank(a) - rank(b));
  return {
    health: reasons.length > 0 ? HEALTH_OF[reasons[0]!.kind] : 'on_track',
    reasons,
    phase,
    businessDaysInPhase,
    expectedBusinessDays,
    dueTasks: due.length,
    overdueTasks: open.length,
    plannedGoLive: planned,
    projectedGoLive: projected,
    slipBusinessDays: slipBusinessDays(calendar, planned, projected),
  };
}

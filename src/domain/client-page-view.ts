import type { BusinessCalendar } from './business-calendar.js';
import { clientPhase } from './client-phases.js';
import { onboardingDay, ONBOARDING_DAYS } from './onboarding-day.js';
import { PHASES, type Locale, type Phase } from './phases.js';
import type { ClientTask, EmailAudience, Playbook } from './playbook-schema.js';

export type ClientTaskStatus = 'done' | 'stuck';

export interface ClientTaskAnswer {
  status: ClientTaskStatus;
  comment: string | null;
  answeredAt: number;
}

/** What the page needs of the deal, as the store holds it. */
export interface ClientPageFacts {
  phase: Phase | null;
  enteredAt: number | null;
  dayZero: number | null;
  answers: Map<string, ClientTaskAnswer>;
}

export interface PhaseMapStop {
  phase: Phase;
  name: string;
  meaning: string;
  state: 'done' | 'current' | 'ahead';
}

export interface Milestone {
  title: string;
  /** When it is planned; null for a later phase whose start is not known yet. */
  at: number | null;
}

export interface ClientTaskView {
  id: string;
  title: string;
  why: string;
  dueAt: number;
  overdue: boolean;
  who: EmailAudience;
  answer: ClientTaskAnswer | null;
}

export interface ClientPageView {
  map: PhaseMapStop[];
  current: PhaseMapStop | null;
  day: number | null;
  totalDays: number;
  next: Milestone[];
  tasks: ClientTaskView[];
}

/**
 * The client's page of a deal at `now`, from the store's facts and the playbook: the phases in the client's words
 * with the current one marked, day N of 100, the steps the playbook shows the client that are still ahead in this
 * phase (then the next phase itself), and the client's own tasks of this phase with their due dates and answers.
 */
export function clientPageView(f: ClientPageFacts, playbook: Playbook, calendar: BusinessCalendar, locale: Locale, now: number): ClientPageView {
  const currentIndex = f.phase === null ? -1 : PHASES.indexOf(f.phase);
  const map = PHASES.map((phase, i): PhaseMapStop => ({
    phase,
    ...clientPhase(phase, locale),
    state: i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'ahead',
  }));
  const plan = f.phase === null ? undefined : playbook.phases[f.phase];
  const from = f.enteredAt;
  const next: Milestone[] = [];
  if (plan && from !== null) {
    const visible = [
      ...plan.tasks.map((t) => ({ title: t.clientTitle, at: calendar.dueAt(from, t.due) })),
      ...plan.emails.map((e) => ({ title: e.clientTitle, at: calendar.dueAt(from, e.send) })),
    ];
    for (const v of visible) if (v.title && v.at >= now) next.push({ title: v.title, at: v.at });
    next.sort((a, b) => a.at! - b.at!);
  }
  const following = currentIndex >= 0 && currentIndex < PHASES.length - 1 ? PHASES[currentIndex + 1]! : null;
  if (following && f.phase !== 'assess') next.push({ title: clientPhase(following, locale).name, at: null });
  const tasks = from === null || !plan ? [] : (plan.clientTasks ?? []).map((t) => taskView(t, from, f.answers.get(t.id) ?? null, calendar, now));
  return {
    map,
    current: map[currentIndex] ?? null,
    day: onboardingDay(f.dayZero, now, playbook.timezone),
    totalDays: ONBOARDING_DAYS,
    next,
    tasks,
  };
}

/** When a client task falls due: its business days counted from the phase entry (the page and the health both use this). */
export function clientTaskDueAt(t: Pick<ClientTask, 'due'>, phaseEnteredAt: number, calendar: Pick<BusinessCalendar, 'dueAt'>): number {
  return calendar.dueAt(phaseEnteredAt, t.due);
}

function taskView(t: ClientTask, from: number, answer: ClientTaskAnswer | null, calendar: BusinessCalendar, now: number): ClientTaskView {
  const dueAt = clientTaskDueAt(t, from, calendar);
  return { id: t.id, title: t.title, why: t.why, dueAt, overdue: answer?.status !== 'done' && dueAt < now, who: t.who, answer };
}

/** The client task of the deal's current phase with this id, if the playbook has one. */
export function findClientTask(playbook: Playbook, phase: Phase | null, id: string): ClientTask | null {
  if (phase === null) return null;
  return playbook.phases[phase]?.clientTasks?.find((t) => t.id === id) ?? null;
}

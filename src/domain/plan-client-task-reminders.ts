import type { BusinessCalendar } from './business-calendar.js';
import { clientTaskDueAt, type ClientTaskStatus } from './client-page-view.js';
import type { ClientTask, ClientTaskReminders, Playbook } from './playbook-schema.js';
import type { Phase } from './phases.js';

/** Two business days of grace before the client is reminded; three more before the PM is asked to step in. */
export const DEFAULT_CLIENT_TASK_REMINDERS: ClientTaskReminders = { afterBusinessDays: 2, pmTaskAfterBusinessDays: 5 };

export type OverdueEffect = 'reminder' | 'pm-task';

export interface OverdueClientTask {
  task: ClientTask;
  /** When the task fell due: the phase entry plus its business days, as the client's page shows it. */
  dueAt: number;
  effect: OverdueEffect;
}

export interface ClientTaskReminderInput {
  phase: Phase;
  /** When the deal entered its current phase; the client's tasks are counted from it. */
  enteredAt: number;
  /** What the client said on their page about the tasks of this phase entry. */
  answers: Map<string, ClientTaskStatus>;
  playbook: Playbook;
  calendar: BusinessCalendar;
  now: number;
}

/**
 * The reminders and PM tasks the client's overdue tasks call for at `now`. Only the current phase's tasks: the page
 * shows and accepts only those, so a reminder about a task of a phase left behind would ask for something the client
 * can no longer mark done. A task marked done needs nothing; a task marked stuck already gave the PM a HIGH task
 * and the client asked for help, so it gets no reminder nor a second task. The same effect comes back at every
 * sweep after its moment: the caller records each once (its effect key names deal, phase entry, task and effect).
 */
export function planClientTaskReminders(i: ClientTaskReminderInput): OverdueClientTask[] {
  const settings = i.playbook.clientTaskReminders ?? DEFAULT_CLIENT_TASK_REMINDERS;
  const planned: OverdueClientTask[] = [];
  for (const task of i.playbook.phases[i.phase]?.clientTasks ?? []) {
    if (i.answers.has(task.id)) continue;
    const dueAt = clientTaskDueAt(task, i.enteredAt, i.calendar);
    if (i.now >= i.calendar.dueAt(dueAt, { businessDays: settings.afterBusinessDays })) planned.push({ task, dueAt, effect: 'reminder' });
    if (i.now >= i.calendar.dueAt(dueAt, { businessDays: settings.pmTaskAfterBusinessDays })) planned.push({ task, dueAt, effect: 'pm-task' });
  }
  return planned;
}

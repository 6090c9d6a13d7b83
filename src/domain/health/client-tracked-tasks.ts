import type { BusinessCalendar } from '../business-calendar.js';
import { clientTaskDueAt } from '../client-page-view.js';
import type { ClientTask } from '../playbook-schema.js';
import type { TrackedTask } from './compute-health.js';

/**
 * The client's tasks of the current phase as the "behind" rule counts them: each due when the client page says
 * (business days from the phase entry), completed once the client marked it done. "Stuck" is not done: the task is
 * still open, and the PM already got a task to help.
 */
export function clientTrackedTasks(
  tasks: readonly Pick<ClientTask, 'title' | 'due' | 'id'>[] | undefined,
  phaseEnteredAt: number,
  doneIds: ReadonlySet<string>,
  calendar: Pick<BusinessCalendar, 'dueAt'>,
): TrackedTask[] {
  return (tasks ?? []).map((t) => ({ title: t.title, dueAt: clientTaskDueAt(t, phaseEnteredAt, calendar), completed: doneIds.has(t.id), source: 'client' as const }));
}

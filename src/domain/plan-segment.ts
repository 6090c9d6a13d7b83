import type { BusinessCalendar } from './business-calendar.js';
import type { DealSnapshot } from './deal.js';
import { fillPlaceholders, resolveOwner } from './plan-phase-entry.js';
import type { Assignee, Playbook, SegmentTask } from './playbook-schema.js';
import type { Segment } from './status-labels.js';
import { userHtml } from './user-text.js';

export interface PlannedSegmentTask {
  stepId: string;
  subject: string;
  body: string;
  dueAt: number;
  priority: SegmentTask['priority'];
  type: SegmentTask['type'];
  assignee: SegmentTask['assignee'];
}

/**
 * The tasks a company gets when it enters `segment`, with its names filled in and due dates counted from the
 * change. Owners are resolved when the tasks run (resolveSegmentOwner), from the deal as HubSpot has it then.
 */
export function planSegmentTasks(
  segment: Segment,
  playbook: Playbook,
  names: { companyName: string; dealName: string },
  calendar: BusinessCalendar,
  changedAt: number,
): PlannedSegmentTask[] {
  return (playbook.segments[segment]?.tasks ?? []).map((t) => ({
    stepId: t.id,
    subject: fillPlaceholders(t.title, names.dealName, names.companyName),
    body: fillPlaceholders(t.body, userHtml(names.dealName), userHtml(names.companyName)),
    dueAt: calendar.dueAt(changedAt, t.due),
    priority: t.priority,
    type: t.type,
    assignee: t.assignee,
  }));
}

/** The owner of a segment's task: the PM's manager the playbook names, else the PM (said in a warning); others as any task. */
export function resolveSegmentOwner(
  assignee: Assignee | 'pm_manager',
  deal: DealSnapshot,
  pmManager: Playbook['pmManager'],
): { ownerId: string | null; role: string; warning?: string } {
  if (assignee !== 'pm_manager') return resolveOwner(assignee, deal);
  if (pmManager) return { ownerId: pmManager.owner, role: 'pm_manager' };
  const fallback = resolveOwner('pm', deal);
  const why = 'no pmManager in the playbook (the PM\'s manager, who owns the retention of clients at risk): assigned to the PM';
  return { ...fallback, warning: fallback.warning ? `${why}; ${fallback.warning}` : why };
}

import type { BusinessCalendar } from './business-calendar.js';
import { userHtml } from './user-text.js';
import type { DealSnapshot } from './deal.js';
import type { Phase } from './phases.js';
import type { Assignee, EmailAudience, EmailTemplate, Offset, Playbook, TaskTemplate } from './playbook-schema.js';

export interface PlannedTask {
  kind: 'task';
  stepId: string;
  dueAt: number;
  ownerId: string | null;
  assignee: string;
  title: string;
  body: string;
  priority: TaskTemplate['priority'];
  type: TaskTemplate['type'];
}

export interface PlannedEmail {
  kind: 'email';
  stepId: string;
  dueAt: number;
  template: string;
  to: EmailAudience;
  survey?: 'NPS' | 'CSAT' | 'CES';
  touchpoint?: string;
  /** Sent only once this task of the same phase entry is completed, or the PM marks the kickoff held. */
  afterTask?: string;
}

export interface PlannedAdvance {
  kind: 'advance';
  stepId: string;
  dueAt: number;
  to: Phase;
  /** Why it moves on, when it is not the passing of time. */
  cause?: string;
}

export type PlannedStep = PlannedTask | PlannedEmail | PlannedAdvance;

export interface PhaseEntryPlan {
  phase: Phase;
  enteredAt: number;
  steps: PlannedStep[];
  warnings: string[];
}

export interface PhaseEntryInput {
  deal: DealSnapshot;
  phase: Phase;
  enteredAt: number;
  playbook: Playbook;
  calendar: BusinessCalendar;
  now: number;
  /** The deal's handoff is already accepted: a phase that waits for it moves on at once. */
  handoffAccepted?: boolean;
}

export const HANDOFF_ACCEPTED_CAUSE = 'handoff accepted';

/** The phase a playbook moves on to when the handoff is accepted during `phase`, if it says so. */
export function advanceOnHandoff(playbook: Playbook, phase: Phase): Phase | null {
  const advance = playbook.phases[phase]?.advance;
  return advance && 'on' in advance && advance.on === 'handoff_accepted' ? advance.to : null;
}

/** The steps a deal gets when it enters `phase`: tasks, planned emails and a timed advance. */
export function planPhaseEntry({ deal, phase, enteredAt, playbook, calendar, now, handoffAccepted }: PhaseEntryInput): PhaseEntryPlan {
  const plan = playbook.phases[phase];
  const { steps, warnings } = planTemplates({ tasks: plan?.tasks ?? [], emails: plan?.emails ?? [] }, { deal, from: enteredAt, calendar, now });
  const due = earliestDue(enteredAt, calendar, now);
  if (plan?.advance && 'after' in plan.advance) {
    steps.push({ kind: 'advance', stepId: `advance-to-${plan.advance.to}`, dueAt: due(plan.advance.after), to: plan.advance.to });
  }
  const onHandoff = advanceOnHandoff(playbook, phase);
  if (onHandoff && handoffAccepted) {
    steps.push({ kind: 'advance', stepId: `advance-to-${onHandoff}`, dueAt: Math.max(now, enteredAt), to: onHandoff, cause: HANDOFF_ACCEPTED_CAUSE });
  }
  steps.sort((a, b) => a.dueAt - b.dueAt);
  return { phase, enteredAt, steps, warnings };
}

export interface TemplateContext {
  deal: DealSnapshot;
  /** The moment offsets count from: a phase entry, a checkpoint's day, the start of a silence. */
  from: number;
  calendar: BusinessCalendar;
  now: number;
}

/** When a step with `offset` falls due, counted from `from`, but never before the first due slot from now. */
function earliestDue(from: number, calendar: BusinessCalendar, now: number): (offset: Offset) => number {
  // A late replay must not create work already overdue: nothing falls due before the first slot from now.
  const earliest = calendar.dueAt(Math.max(now, from), { businessDays: 0 });
  return (offset) => Math.max(calendar.dueAt(from, offset), earliest);
}

/** Task and email templates made concrete for one deal: owners resolved, placeholders filled, due dates set. */
export function planTemplates(
  templates: { tasks: TaskTemplate[]; emails: EmailTemplate[] },
  { deal, from, calendar, now }: TemplateContext,
): { steps: PlannedStep[]; warnings: string[] } {
  const due = earliestDue(from, calendar, now);
  // hs_task_subject is plain text; hs_task_body is rich text, where the CRM's names go in as any outside text does
  // (the playbook's own words are the admin's, as a note's fixed words are first100's).
  const companyName = deal.company?.name ?? deal.name;
  const fill = (text: string) => fillPlaceholders(text, deal.name, companyName);
  const fillBody = (text: string) => fillPlaceholders(text, userHtml(deal.name), userHtml(companyName));
  const warnings: string[] = [];
  const steps: PlannedStep[] = [];
  for (const task of templates.tasks) {
    const owner = resolveOwner(task.assignee, deal);
    if (owner.warning) warnings.push(`${task.id}: ${owner.warning}`);
    steps.push({
      kind: 'task',
      stepId: task.id,
      dueAt: due(task.due),
      ownerId: owner.ownerId,
      assignee: owner.role,
      title: fill(task.title),
      body: fillBody(task.body),
      priority: task.priority,
      type: task.type,
    });
  }
  for (const email of templates.emails) {
    steps.push({
      kind: 'email',
      stepId: email.id,
      dueAt: due(email.send),
      template: email.template,
      to: email.to,
      ...(email.survey ? { survey: email.survey, touchpoint: email.touchpoint } : {}),
      ...(email.afterTask ? { afterTask: email.afterTask } : {}),
    });
  }
  return { steps, warnings };
}

/** Who does a task: the playbook's assignee rule applied to the deal (the PM falls back to the deal owner, with a warning). */
export function resolveOwner(assignee: Assignee, deal: DealSnapshot): { ownerId: string | null; role: string; warning?: string } {
  if (typeof assignee === 'object') return { ownerId: assignee.owner, role: 'fixed owner' };
  if (assignee === 'pm') {
    if (deal.pmOwnerId) return { ownerId: deal.pmOwnerId, role: 'pm' };
    if (deal.ownerId) {
      return { ownerId: deal.ownerId, role: 'deal_owner', warning: 'no PM on the deal (first100_pm_owner is empty): assigned to the deal owner' };
    }
    return { ownerId: null, role: 'unassigned', warning: 'no PM and no deal owner: the task is unassigned' };
  }
  if (deal.ownerId) return { ownerId: deal.ownerId, role: 'deal_owner' };
  return { ownerId: null, role: 'unassigned', warning: 'the deal has no owner: the task is unassigned' };
}

export function fillPlaceholders(text: string, dealName: string, companyName: string): string {
  return text.replaceAll('{{deal.name}}', dealName).replaceAll('{{company.name}}', companyName);
}

import { createHash } from 'node:crypto';
import type { DealSnapshot } from '../../domain/deal.js';
import type { PhaseEntryPlan, PlannedEmail, PlannedStep } from '../../domain/plan-phase-entry.js';
import type { TaskToCreate } from '../../hubspot/hubspot-port.js';
import type { NewStep } from '../../store/onboarding-store.js';

/** The unique key of one effect: this step of this phase entry of this deal. */
export function effectKey(dealId: string, phase: string, enteredAt: number, stepId: string): string {
  return `${dealId}:${phase}:${enteredAt}:${stepId}`;
}

export function markerOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Turns a phase entry plan into the rows that make its effects happen once each. */
export function stepsFromPlan(deal: DealSnapshot, entryId: string, plan: PhaseEntryPlan, dealUpdates: Record<string, string>, now: number): NewStep[] {
  const key = (stepId: string) => effectKey(deal.id, plan.phase, plan.enteredAt, stepId);
  const steps = plannedStepRows(deal, entryId, key, plan.steps, now);
  steps.push(dealUpdateStep(deal.id, entryId, key('properties'), dealUpdates, now));
  return steps;
}

/** Rows for planned steps, each under the key `keyOf(stepId)`: tasks run now, emails wait for their sender, advances for their time. */
export function plannedStepRows(deal: DealSnapshot, entryId: string | null, keyOf: (stepId: string) => string, planned: PlannedStep[], now: number): NewStep[] {
  const base = { entryId, dealId: deal.id };
  return planned.map((step) => {
    const k = keyOf(step.stepId);
    if (step.kind === 'task') {
      const task: TaskToCreate = {
        marker: markerOf(k),
        dealId: deal.id,
        companyId: deal.company?.id ?? null,
        contactIds: deal.contactIds,
        ownerId: step.ownerId,
        subject: step.title,
        body: step.body,
        dueAt: step.dueAt,
        priority: step.priority,
        type: step.type,
      };
      return { ...base, effectKey: k, kind: 'task', stepId: step.stepId, dueAt: step.dueAt, runAt: now, payload: { task, assignee: step.assignee } };
    }
    if (step.kind === 'email') return emailStep(deal, entryId, k, step);
    return { ...base, effectKey: k, kind: 'advance', stepId: step.stepId, dueAt: step.dueAt, runAt: step.dueAt, payload: { to: step.to, ...(step.cause ? { cause: step.cause } : {}) } };
  });
}

export function dealUpdateStep(dealId: string, entryId: string | null, key: string, properties: Record<string, string>, now: number): NewStep {
  return { effectKey: key, entryId, dealId, kind: 'deal-update', stepId: 'properties', dueAt: now, runAt: now, payload: { properties } };
}

/** The company's `first100_health` and `first100_segment`, recomputed from its onboarding deals when the step runs. */
export function companyUpdateStep(dealId: string, entryId: string | null, key: string, companyId: string, now: number): NewStep {
  return { effectKey: key, entryId, dealId, kind: 'company-update', stepId: 'company-health', dueAt: now, runAt: now, payload: { companyId } };
}

/**
 * A planned email as a step row: the email sender takes `pending` email rows when they fall due and sends each once. The payload is
 * {template, to, survey?, touchpoint?, contactIds}; the playbook's emails and the workflow's survey action both
 * make their rows here, so they are sent the same way.
 */
export function emailStep(deal: Pick<DealSnapshot, 'id' | 'contactIds'>, entryId: string | null, key: string, email: PlannedEmail): NewStep {
  const { kind: _kind, stepId, dueAt, ...content } = email;
  return { effectKey: key, entryId, dealId: deal.id, kind: 'email', stepId, dueAt, runAt: dueAt, payload: { ...content, contactIds: deal.contactIds } };
}

import { createHash } from 'node:crypto';
import type { DealSnapshot } from '../domain/deal.js';
import type { PhaseEntryPlan } from '../domain/plan-phase-entry.js';
import type { TaskToCreate } from '../hubspot/hubspot-port.js';
import type { NewStep } from '../store/onboarding-store.js';

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
  const base = { entryId, dealId: deal.id };
  const steps: NewStep[] = plan.steps.map((step) => {
    const k = key(step.stepId);
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
      return { ...base, effectKey: k, kind: 'task', stepId: step.stepId, dueAt: step.dueAt, runAt: now, status: 'pending', payload: { task, assignee: step.assignee } };
    }
    if (step.kind === 'email') {
      const { kind: _kind, stepId: _id, dueAt: _due, ...email } = step;
      return { ...base, effectKey: k, kind: 'email', stepId: step.stepId, dueAt: step.dueAt, runAt: step.dueAt, status: 'pending', payload: { ...email, contactIds: deal.contactIds } };
    }
    return { ...base, effectKey: k, kind: 'advance', stepId: step.stepId, dueAt: step.dueAt, runAt: step.dueAt, status: 'pending', payload: { to: step.to, ...(step.cause ? { cause: step.cause } : {}) } };
  });
  steps.push(dealUpdateStep(deal.id, entryId, key('properties'), dealUpdates, now));
  return steps;
}

export function dealUpdateStep(dealId: string, entryId: string | null, key: string, properties: Record<string, string>, now: number): NewStep {
  return { effectKey: key, entryId, dealId, kind: 'deal-update', stepId: 'properties', dueAt: now, runAt: now, status: 'pending', payload: { properties } };
}

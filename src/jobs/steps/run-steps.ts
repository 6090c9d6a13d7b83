import { HubSpotError } from '../../hubspot/hubspot-error.js';
import { chunk, type DealUpdate, type TaskToCreate } from '../../hubspot/hubspot-port.js';
import { claimSteps, markStepsDone, type ClaimedStep } from '../../store/step-store.js';
import { advancePhases } from './advance-phases.js';
import { assignTaskOwners } from './assign-task-owners.js';
import { createNotes } from './create-notes.js';
import { updateNotes } from './update-notes.js';
import { fail } from './step-failure.js';
import { updateCompanies } from './update-companies.js';
import { completeWorkflowCallbacks, runWorkflowActions } from './run-workflow-actions.js';
import type { Engine } from '../engine.js';

/** Claims due steps and carries them out in shared batch calls. Returns how many it handled. */
export async function runDueSteps(engine: Engine): Promise<number> {
  const steps = await claimSteps(engine.db, engine.clock(), engine.settings.stepBatchSize, engine.settings.leaseMs);
  if (steps.length === 0) return 0;
  await createTasks(engine, steps.filter((s) => s.kind === 'task'));
  await updateDeals(engine, steps.filter((s) => s.kind === 'deal-update'));
  await advancePhases(engine, steps.filter((s) => s.kind === 'advance'));
  await createNotes(engine, steps.filter((s) => s.kind === 'note'));
  // After the creates of this batch: an update whose note was just created can go at once.
  await updateNotes(engine, steps.filter((s) => s.kind === 'note-update'));
  await updateCompanies(engine, steps.filter((s) => s.kind === 'company-update'));
  await assignTaskOwners(engine, steps.filter((s) => s.kind === 'owner-task'));
  await runWorkflowActions(engine, steps.filter((s) => s.kind === 'workflow-action'));
  await completeWorkflowCallbacks(engine, steps.filter((s) => s.kind === 'workflow-callback'));
  return steps.length;
}

async function createTasks(engine: Engine, steps: ClaimedStep[]): Promise<void> {
  const fresh = await settleInDoubt(engine, steps);
  for (const part of chunk(fresh)) {
    const tasks = part.map((s) => (s.payload as { task: TaskToCreate }).task);
    try {
      const { ids, refused } = await engine.hubspot.createTasks(tasks);
      const created = part.filter((s) => ids.has(markerOfStep(s)));
      await markStepsDone(engine.db, created.map((s) => ({ id: s.id, hubspotId: ids.get(markerOfStep(s)) })));
      const missing = part.filter((s) => !ids.has(markerOfStep(s)));
      if (missing.length > 0) {
        // A 207 names its failures: retry only those. Tasks missing from a full answer may exist: check first.
        const reason = refused ?? 'HubSpot did not return these tasks in its answer';
        await fail(engine, missing, new HubSpotError('UNEXPECTED', reason, { inDoubt: refused === undefined }));
      }
    } catch (error) {
      await fail(engine, part, error);
    }
  }
}

/** For steps whose earlier attempt got no answer, asks HubSpot what exists; returns the steps still to create. */
async function settleInDoubt(engine: Engine, steps: ClaimedStep[]): Promise<ClaimedStep[]> {
  const fresh = steps.filter((s) => !s.inDoubt);
  const byDeal = new Map<string, ClaimedStep[]>();
  for (const s of steps.filter((step) => step.inDoubt)) byDeal.set(s.dealId, [...(byDeal.get(s.dealId) ?? []), s]);
  for (const [dealId, doubtful] of byDeal) {
    try {
      const found = await engine.hubspot.findTasksByMarker(dealId, doubtful.map(markerOfStep));
      await markStepsDone(engine.db, doubtful.filter((s) => found.has(markerOfStep(s))).map((s) => ({ id: s.id, hubspotId: found.get(markerOfStep(s)) })));
      fresh.push(...doubtful.filter((s) => !found.has(markerOfStep(s))));
      if (found.size > 0) engine.log.info({ dealId, recovered: found.size }, 'tasks created by an unanswered attempt were found in HubSpot');
    } catch (error) {
      await fail(engine, doubtful, error, true);
    }
  }
  return fresh;
}

async function updateDeals(engine: Engine, steps: ClaimedStep[]): Promise<void> {
  if (steps.length === 0) return;
  // One input per deal: later updates of the same deal win, in the order they were planned.
  const merged = new Map<string, DealUpdate>();
  for (const step of [...steps].sort((a, b) => Number(a.id) - Number(b.id))) {
    const properties = (step.payload as { properties: Record<string, string> }).properties;
    const current = merged.get(step.dealId)?.properties ?? {};
    merged.set(step.dealId, { id: step.dealId, properties: { ...current, ...properties } });
  }
  try {
    await engine.hubspot.updateDeals([...merged.values()]);
    await markStepsDone(engine.db, steps.map((s) => ({ id: s.id })));
  } catch (error) {
    // Setting the same properties twice is harmless, so an update is never in doubt.
    await fail(engine, steps, error, false);
  }
}

function markerOfStep(step: ClaimedStep): string {
  return (step.payload as { task: TaskToCreate }).task.marker;
}

import type { ClaimedStepOf, WorkerKind } from '../../store/step-kinds.js';
import type { Engine } from '../engine.js';
import { recomputeHealthSteps } from '../health/health-steps.js';
import { advancePhases } from './advance-phases.js';
import { assignTaskOwners } from './assign-task-owners.js';
import { closeLeftTasks } from './close-tasks.js';
import { completeWorkflowCallbacks, runWorkflowActions } from './run-workflow-actions.js';
import { createNotes, createTasks, updateCompanies, updateDeals } from './step-writes.js';
import { updateNotes } from './update-notes.js';

export type Executor<K extends WorkerKind> = (engine: Engine, steps: ClaimedStepOf<K>[]) => Promise<void>;

/** Which executor runs each kind the worker claims: a kind declared in step-kinds.ts without one does not compile. */
export const EXECUTORS: { [K in WorkerKind]: Executor<K> } = {
  task: createTasks,
  'deal-update': updateDeals,
  advance: advancePhases,
  note: createNotes,
  'note-update': updateNotes,
  'company-update': updateCompanies,
  'owner-task': assignTaskOwners,
  'workflow-action': runWorkflowActions,
  'workflow-callback': completeWorkflowCallbacks,
  'task-close': closeLeftTasks,
  health: recomputeHealthSteps,
};

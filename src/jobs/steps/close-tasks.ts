import { closedTasksNote } from '../../domain/closed-tasks-note.js';
import { insertSteps } from '../../store/onboarding-store.js';
import type { ClaimedStepOf } from '../../store/step-kinds.js';
import type { Engine } from '../engine.js';
import { groupBy, runHubSpotWrites } from './hubspot-writes.js';
import { settleSteps, single, type StepUnit } from './step-writes.js';
import { markerOf } from './steps-from-plan.js';

/**
 * Completes first100's own open tasks of the phases a deal left (never deletes one; a task its owner already
 * completed, or deleted, is left alone), then writes on the deal's timeline which tasks were closed and why.
 */
export async function closeLeftTasks(engine: Engine, steps: ClaimedStepOf<'task-close'>[]): Promise<void> {
  const closedNow = new Set<string>();
  await runHubSpotWrites<StepUnit<'task-close', string>>(
    engine,
    {
      what: 'task closings',
      write: async (units) => {
        const answer = await engine.hubspot.closeTasks(units.map((u) => u.input));
        for (const id of answer.done.keys()) if (!answer.alreadyClosed.has(id)) closedNow.add(id);
        return answer;
      },
      ...settleSteps(engine),
    },
    steps.map((s) => single(s, s.payload.taskId, s.payload.taskId)),
  );
  const now = engine.clock();
  const notes = [...groupBy(steps.filter((s) => closedNow.has(s.payload.taskId)), (s) => s.payload.causeKey)].map(([causeKey, closed]) => {
    const key = `${causeKey}:note`;
    const { dealId, entryId } = closed[0]!;
    const body = closedTasksNote(closed[0]!.payload.reason, closed.map((s) => s.payload.subject), engine.playbook.locale);
    return { effectKey: key, entryId, dealId, kind: 'note' as const, stepId: 'tasks-closed', dueAt: now, runAt: now, payload: { note: { marker: markerOf(key), dealId, body, timestamp: now } } };
  });
  await insertSteps(engine.db, notes);
}

import { closingReason, type TaskClosingCause } from '../../domain/closed-tasks-note.js';
import { PHASES, phaseIndex, type Locale } from '../../domain/phases.js';
import { createdTasksToClose } from '../../store/created-tasks.js';
import type { Queryable } from '../../store/db.js';
import { insertSteps } from '../../store/onboarding-store.js';

export interface TaskClosing {
  dealId: string;
  /** The phase entry the steps are filed under (the one left, or the new one). */
  entryId: string | null;
  cause: TaskClosingCause;
  /** When the loss or the move happened: one closing per event, however often it is delivered. */
  causeAt: number;
  locale: Locale;
  now: number;
}

/**
 * A deal lost, or moved back, leaves first100's own open tasks of the phases it left on people's task lists: plan a
 * closing step for each (the phase it goes back to counts as left, since its entry plans its tasks afresh). A pause
 * closes nothing. Returns how many tasks will be looked at.
 */
export async function planClosingOfLeftTasks(tx: Queryable, c: TaskClosing): Promise<number> {
  const { cause } = c;
  const phases = cause.kind === 'lost' ? null : PHASES.filter((p) => phaseIndex(p) >= phaseIndex(cause.to));
  const tasks = await createdTasksToClose(tx, c.dealId, phases);
  const causeKey = `${c.dealId}:close-tasks:${c.causeAt}`;
  const reason = closingReason(cause, c.locale);
  await insertSteps(
    tx,
    tasks.map((t) => ({
      effectKey: `${causeKey}:${t.hubspotId}`,
      entryId: c.entryId,
      dealId: c.dealId,
      kind: 'task-close' as const,
      stepId: 'close-task',
      dueAt: c.now,
      runAt: c.now,
      payload: { taskId: t.hubspotId, subject: t.subject, reason, causeKey },
    })),
  );
  return tasks.length;
}

import type { DealSnapshot } from '../../domain/deal.js';
import type { Locale } from '../../domain/phases.js';
import type { PlannedStep, PlannedTask } from '../../domain/plan-phase-entry.js';
import { planPromiseChecks, promisesIn } from '../../domain/promise-checks.js';
import type { Queryable } from '../../store/db.js';
import { readHandoff } from '../../store/handoff-store.js';

/**
 * At each checkpoint (the milestones of the 100 days), one "kept or at risk?" task per promise recorded at the
 * handoff, due with the checkpoint's first task (or its first step).
 */
export async function promiseChecksAt(tx: Queryable, deal: DealSnapshot, day: number, steps: PlannedStep[], locale: Locale, now: number): Promise<PlannedTask[]> {
  const promises = promisesIn((await readHandoff(tx, deal.id)).items.promises?.values.promises);
  if (promises.length === 0) return [];
  const first = steps.find((s) => s.kind === 'task') ?? steps[0];
  return planPromiseChecks(promises, { moment: { kind: 'checkpoint', day }, deal, dueAt: first?.dueAt ?? now, locale }).tasks;
}

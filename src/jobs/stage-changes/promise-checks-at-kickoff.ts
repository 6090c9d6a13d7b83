import { planPromiseChecks, promisesIn } from '../../domain/promise-checks.js';
import type { PhaseEntryPlan } from '../../domain/plan-phase-entry.js';
import type { Queryable } from '../../store/db.js';
import { readHandoff } from '../../store/handoff-store.js';
import type { PhaseEntryChange } from './enter-phase.js';

/** The kickoff is the first big interaction of activate (DESIGN.md): the promises of the sale are checked before it. */
const KICKOFF_PHASE = 'activate';

/**
 * The entry's plan, with one "kept or at risk?" task per promise recorded at the handoff when the deal enters the
 * kickoff's phase; due with the entry's first task (the kickoff's preparation), so the PM knows before meeting them.
 */
export async function withPromiseChecks(tx: Queryable, c: PhaseEntryChange): Promise<PhaseEntryPlan> {
  if (c.entry.phase !== KICKOFF_PHASE || c.backwards) return c.entry;
  const handoff = await readHandoff(tx, c.deal.id);
  const promises = promisesIn(handoff.items.promises?.values.promises);
  if (promises.length === 0) return c.entry;
  const firstTask = c.entry.steps.find((s) => s.kind === 'task');
  const dueAt = firstTask?.dueAt ?? Math.max(c.now, c.entry.enteredAt);
  // A PM missing from the deal is already said in the entry's warnings, by its own PM tasks.
  const { tasks } = planPromiseChecks(promises, { moment: { kind: 'kickoff' }, deal: c.deal, dueAt, locale: c.locale });
  return { ...c.entry, steps: [...c.entry.steps, ...tasks] };
}

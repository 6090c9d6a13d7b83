import type { DealSnapshot } from '../../domain/deal.js';
import type { EmailStep } from '../../store/email-steps.js';
import type { Queryable } from '../../store/db.js';
import type { Engine } from '../engine.js';

/** How often a waiting email looks again (a PM set in HubSpot, a kickoff task ticked there: no webhook tells us). */
export const GATE_RECHECK_MS = 4 * 3600_000;
/** An email still waiting after this long is dropped, with the reason on its step: it would no longer be true. */
export const GATE_GIVE_UP_MS = 30 * 24 * 3600_000;

export type Gate = { open: true } | { open: false; waitingFor: string } | { open: false; givenUp: string };

/**
 * Whether an email may be prepared now: an email that says something happened waits until it has. The PM
 * introduction waits for the deal to have a PM; an email with `afterTask` (the kickoff survey) waits until the PM
 * marks the kickoff held on the card, or the task of its phase entry is completed in HubSpot.
 */
export async function emailGate(engine: Engine, step: EmailStep, deal: DealSnapshot, now: number): Promise<Gate> {
  const waitingFor = await whatItWaitsFor(engine, step, deal);
  if (waitingFor === null) return { open: true };
  if (now - step.dueAt > GATE_GIVE_UP_MS) return { open: false, givenUp: `not sent: still waiting, after 30 days, for ${waitingFor}` };
  return { open: false, waitingFor };
}

async function whatItWaitsFor(engine: Engine, step: EmailStep, deal: DealSnapshot): Promise<string | null> {
  if (step.payload.template === 'pm-introduction' && !deal.pmOwnerId) return 'a project manager on the deal (first100_pm_owner)';
  const task = step.payload.afterTask;
  if (!task) return null;
  if (await kickoffMarkedHeld(engine.db, step)) return null;
  const taskId = await createdTaskOf(engine.db, step, task);
  if (taskId && (await engine.hubspot.readCompletedTasks([taskId])).has(taskId)) return null;
  return `the task "${task}" to be completed, or the kickoff to be marked held on the deal card`;
}

/** Marked held on the card: a kickoff that took place, even one marked before the phase that plans the survey began. */
async function kickoffMarkedHeld(db: Queryable, step: EmailStep): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM pm_records WHERE deal_id = $1 AND kind = 'kickoff_held'`, [step.dealId]);
  return rows.length > 0;
}

/** The HubSpot id of the task `stepId` that the same phase entry created, once it exists. */
async function createdTaskOf(db: Queryable, step: EmailStep, stepId: string): Promise<string | null> {
  if (step.entryId === null) return null;
  const [row] = await db.query<{ hubspot_id: string | null }>(
    `SELECT hubspot_id FROM steps WHERE deal_id = $1 AND entry_id = $2 AND step_id = $3 AND kind = 'task' AND status = 'done'`,
    [step.dealId, step.entryId, stepId],
  );
  return row?.hubspot_id ?? null;
}

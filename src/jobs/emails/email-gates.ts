import type { DealSnapshot } from '../../domain/deal.js';
import type { PmRecordKind } from '../../domain/pm-records.js';
import type { EmailStep } from '../../store/email-steps.js';
import type { Queryable } from '../../store/db.js';
import { clientTaskAnswered } from '../../store/client-task-sweep-reads.js';
import { recordLearnedCompletions } from '../../store/task-completion-events.js';
import { waitSteps } from '../../store/waiting-steps.js';
import type { Engine } from '../engine.js';

/** How often a waiting email looks again (a PM set in HubSpot, a kickoff task ticked there: the email does not wait for a webhook). */
export const GATE_RECHECK_MS = 4 * 3600_000;
/** An email still waiting after this long is dropped, with the reason on its step: it would no longer be true. */
export const GATE_GIVE_UP_MS = 30 * 24 * 3600_000;

export type Gate = { open: true } | { open: false; waitingFor: string } | { open: false; givenUp: string };

/**
 * The card record that stands for an email's `afterTask` being done: the kickoff marked held opens the kickoff
 * survey; the client's doubt confirmed after the reassurance call opens the reassurance email.
 */
export const OPENED_BY_RECORD: Partial<Record<string, PmRecordKind>> = { 'kickoff-survey': 'kickoff_held', reassurance: 'remorse_type' };

/**
 * Whether an email may be prepared now: an email that says something happened waits until it has. The PM
 * introduction waits for the deal to have a PM; an email with `afterTask` (the kickoff survey, the reassurance)
 * waits until the task of its phase entry is completed in HubSpot, or the PM records on the card what it stands for.
 */
export async function emailGate(engine: Engine, step: EmailStep, deal: DealSnapshot, now: number): Promise<Gate> {
  // A reminder about a client task the client answered in the meantime would ask for what they already did.
  const task = step.payload.clientTask;
  if (task && step.entryId !== null && (await clientTaskAnswered(engine.db, step.dealId, step.entryId, task.id))) {
    return { open: false, givenUp: 'not sent: the client answered the task on their page before the reminder went out' };
  }
  const waitingFor = await whatItWaitsFor(engine, step, deal);
  if (waitingFor === null) return { open: true };
  if (now - step.dueAt > GATE_GIVE_UP_MS) return { open: false, givenUp: `not sent: still waiting, after 30 days, for ${waitingFor}` };
  return { open: false, waitingFor };
}

/** Puts back to wait the emails whose gate is closed; names those given up after waiting too long. */
export async function holdWaitingEmails(engine: Engine, claimed: EmailStep[], deals: Map<string, DealSnapshot>): Promise<{ waiting: Set<string>; givenUp: Map<string, string> }> {
  const now = engine.clock();
  const waiting = new Set<string>();
  const givenUp = new Map<string, string>();
  for (const step of claimed) {
    const deal = deals.get(step.dealId);
    const gate: Gate = deal ? await emailGate(engine, step, deal, now) : { open: true };
    if ('waitingFor' in gate) waiting.add(step.id);
    if ('givenUp' in gate) givenUp.set(step.id, gate.givenUp);
  }
  await waitSteps(engine.db, [...waiting], now + GATE_RECHECK_MS);
  return { waiting, givenUp };
}

async function whatItWaitsFor(engine: Engine, step: EmailStep, deal: DealSnapshot): Promise<string | null> {
  if (step.payload.template === 'pm-introduction' && !deal.pmOwnerId) return 'a project manager on the deal (first100_pm_owner)';
  const task = step.payload.afterTask;
  if (!task) return null;
  const record = OPENED_BY_RECORD[step.payload.template];
  if (record && (await isRecorded(engine.db, step.dealId, record))) return null;
  const taskId = await createdTaskOf(engine.db, step, task);
  // Completed, with HubSpot's completion date; a task deleted in HubSpot (no date) does not say the kickoff happened.
  const completedAt = taskId ? (await engine.hubspot.readTaskCompletions([taskId])).get(taskId) : undefined;
  if (taskId && typeof completedAt === 'number') {
    // Learned on the way: the deal's health hears of it now rather than at the next sweep.
    await engine.db.transaction((tx) => recordLearnedCompletions(tx, [{ taskId, completedAt }], engine.clock()));
    return null;
  }
  return `the task "${task}" to be completed${record ? `, or the PM's record "${record}" on the deal card` : ''}`;
}

/** Recorded on the card, even before the phase that plans the email began (a kickoff held early still took place). */
async function isRecorded(db: Queryable, dealId: string, kind: PmRecordKind): Promise<boolean> {
  return (await db.query('SELECT 1 FROM pm_records WHERE deal_id = $1 AND kind = $2', [dealId, kind])).length > 0;
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

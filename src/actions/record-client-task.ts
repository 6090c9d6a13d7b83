import { createHash } from 'node:crypto';
import { findClientTask, type ClientTaskStatus } from '../domain/client-page-view.js';
import { clientCommentNote, clientStuckTask, clientTaskDoneNote } from '../domain/client-page-notes.js';
import { MAX_COMMENT_CHARS } from '../domain/feedback-effects.js';
import { unstorableText } from '../domain/input-text.js';
import type { Engine } from '../jobs/engine.js';
import { recomputeDealHealth } from '../jobs/health/recompute-health.js';
import { dealUpdateStep, markerOf } from '../jobs/steps/steps-from-plan.js';
import type { ClientLink } from '../store/client-links.js';
import { recordClientContact, saveClientTaskAnswer } from '../store/client-task-answers.js';
import type { Queryable } from '../store/db.js';
import { insertSteps, lockDealState, type NewStep } from '../store/onboarding-store.js';

export type ClientActionOutcome =
  | { kind: 'unknown-task' }
  | { kind: 'invalid'; problem: 'status' | 'comment-missing' | 'comment-too-long' | 'characters' }
  /** `stored`: this post added durable steps; false when it repeated what was already recorded. */
  | { kind: 'recorded'; stored: boolean };

export interface ClientTaskPost {
  link: ClientLink;
  taskId: string;
  status: string;
  comment: string | null;
}

/** The comment's problem, or null when it can be stored; `required` for the stuck form and the free comment. */
function commentProblem(comment: string | null, required: boolean): Extract<ClientActionOutcome, { kind: 'invalid' }>['problem'] | null {
  if (comment === null) return required ? 'comment-missing' : null;
  if (comment.length > MAX_COMMENT_CHARS) return 'comment-too-long';
  return unstorableText(comment) ? 'characters' : null;
}

/**
 * A client marks a task of their current phase done, or says they are stuck. In one transaction: the answer, the
 * contact it counts as, and the durable step that carries it into HubSpot: a note on the deal for done, a HIGH task
 * for the PM due today for stuck. Each step's key is the deal's phase entry, the task and the status, so a form posted
 * twice (or by two contacts) creates each effect once. A task id is looked up in the link's own deal only.
 */
export async function recordClientTask(engine: Engine, p: ClientTaskPost): Promise<ClientActionOutcome> {
  if (p.status !== 'done' && p.status !== 'stuck') return { kind: 'invalid', problem: 'status' };
  const status: ClientTaskStatus = p.status;
  const problem = commentProblem(p.comment, status === 'stuck');
  if (problem) return { kind: 'invalid', problem };
  return engine.db.transaction(async (tx) => {
    const dealId = p.link.dealId;
    const deal = await lockDealState(tx, dealId);
    const task = findClientTask(engine.playbook, deal.phase, p.taskId);
    if (!task || deal.entryId === null) return { kind: 'unknown-task' };
    const now = engine.clock();
    const before = await saveClientTaskAnswer(tx, { dealId, entryId: deal.entryId, taskId: task.id, contactId: p.link.contactId, status, comment: p.comment, now });
    const seen = await clientSeenSteps(tx, engine, p.link, now);
    if (before === status) return { kind: 'recorded', stored: (await insertSteps(tx, seen)) > 0 };
    const key = `${dealId}:client-task:${deal.entryId}:${task.id}:${status}`;
    const locale = engine.playbook.locale;
    const base = { effectKey: key, entryId: null, dealId, dueAt: now, runAt: now };
    const step: NewStep =
      status === 'done'
        ? { ...base, kind: 'note', stepId: `client-task-done`, payload: { note: { marker: markerOf(key), dealId, body: clientTaskDoneNote(task.title, locale), timestamp: now } } }
        : {
            ...base,
            kind: 'owner-task',
            stepId: 'client-task-stuck',
            payload: {
              assignee: 'pm',
              task: {
                marker: markerOf(key),
                dealId,
                companyId: null,
                contactIds: [p.link.contactId],
                ...clientStuckTask(task.title, p.comment ?? '', locale),
                // Due now, whatever the hour or the day: a client who asks for help is answered today.
                dueAt: now,
                priority: 'HIGH',
                type: 'TODO',
              },
            },
          };
    return { kind: 'recorded', stored: (await insertSteps(tx, [step, ...seen])) > 0 };
  });
}

/** The visit and contact a client action is; HubSpot hears of it at most once an hour per deal. */
export async function clientSeenSteps(tx: Queryable, engine: Engine, link: ClientLink, now: number): Promise<NewStep[]> {
  const seenDue = await recordClientContact(tx, link.dealId, link.contactId, now);
  // Contact may end a silence: the health is recomputed (and written only if it changed), as after an answer.
  await recomputeDealHealth(tx, engine, link.dealId, now);
  if (!seenDue) return [];
  return [dealUpdateStep(link.dealId, null, `${link.dealId}:client-seen:${now}`, { first100_client_last_seen: new Date(now).toISOString() }, now)];
}

/** A free comment from the page: a note on the deal, once per contact and text (a form posted twice adds nothing). */
export async function recordClientComment(engine: Engine, link: ClientLink, comment: string | null): Promise<ClientActionOutcome> {
  const problem = commentProblem(comment, true);
  if (problem) return { kind: 'invalid', problem };
  return engine.db.transaction(async (tx) => {
    await lockDealState(tx, link.dealId);
    const now = engine.clock();
    const seen = await clientSeenSteps(tx, engine, link, now);
    const digest = createHash('sha256').update(`${link.contactId}\n${comment}`).digest('hex').slice(0, 24);
    const key = `${link.dealId}:client-comment:${digest}`;
    const body = clientCommentNote(comment!, engine.playbook.locale);
    const step: NewStep = { effectKey: key, entryId: null, dealId: link.dealId, kind: 'note', stepId: 'client-comment', dueAt: now, runAt: now, payload: { note: { marker: markerOf(key), dealId: link.dealId, body, timestamp: now } } };
    return { kind: 'recorded', stored: (await insertSteps(tx, [step, ...seen])) > 0 };
  });
}

import type { Mailer } from '../../email/mailer.js';
import { HubSpotError } from '../../hubspot/hubspot-error.js';
import type { AttemptFailure } from '../../store/claim.js';
import { messagesOfSteps, type EmailMessage } from '../../store/email-messages.js';
import { claimEmailSteps, recordDelivery, type DeliverySummary, type EmailStep } from '../../store/email-steps.js';
import { markStepsDone, retrySteps } from '../../store/step-store.js';
import { deliverMessages } from './deliver-emails.js';
import type { Engine } from '../engine.js';
import { logSentEmails } from './log-sent-emails.js';
import { prepareEmails } from './prepare-emails.js';
import { failureOf } from '../retry-policy.js';

/**
 * Claims due email steps and takes each through its durable states: messages rendered and stored, sent one by
 * one, logged on HubSpot. A step is done when every message is settled. Returns how many steps it handled.
 */
export async function runEmailSteps(engine: Engine, mailer: Mailer): Promise<number> {
  const steps = await claimEmailSteps(engine.db, engine.clock(), engine.settings.stepBatchSize, engine.settings.leaseMs);
  if (steps.length === 0) return 0;
  const prepared = new Set((await messagesOfSteps(engine.db, steps.map((s) => s.id))).map((m) => m.stepId));
  const unprepared = steps.filter((s) => !prepared.has(s.id));
  const ready = steps.filter((s) => prepared.has(s.id));
  if (unprepared.length > 0) {
    try {
      const waiting = await prepareEmails(engine, mailer, unprepared);
      ready.push(...unprepared.filter((s) => !waiting.has(s.id)));
    } catch (error) {
      const failure = error instanceof HubSpotError ? error : undefined;
      engine.log.warn({ code: failure?.code ?? 'INTERNAL', status: failure?.details.status, steps: unprepared.length, kind: 'email' }, (error as Error).message);
      // Reading contacts changes nothing in HubSpot, so a failed preparation is never in doubt.
      await retrySteps(engine.db, unprepared, failureOf(error, engine), engine.clock(), engine.settings.maxAttempts);
    }
  }
  const problems = new Map<string, AttemptFailure>();
  const byStep = groupByStep(await messagesOfSteps(engine.db, ready.map((s) => s.id)));
  for (const step of ready) {
    const problem = await deliverMessages(engine, mailer, byStep.get(step.id) ?? []);
    // The mail server asked to try later (a refusal for good marks the message failed instead).
    if (problem) problems.set(step.id, { reason: problem, transient: true, inDoubt: false });
  }
  const sent = await messagesOfSteps(engine.db, ready.map((s) => s.id));
  const logProblem = await logSentEmails(engine, sent);
  await finish(engine, ready, groupByStep(await messagesOfSteps(engine.db, ready.map((s) => s.id))), problems, logProblem);
  return steps.length;
}

async function finish(engine: Engine, steps: EmailStep[], byStep: Map<string, EmailMessage[]>, problems: Map<string, AttemptFailure>, logProblem: AttemptFailure | null): Promise<void> {
  const done: EmailStep[] = [];
  for (const step of steps) {
    const messages = byStep.get(step.id) ?? [];
    if (messages.every(settled)) {
      await recordDelivery(engine.db, step.id, summarize(messages));
      done.push(step);
      continue;
    }
    // Our message states carry any doubt, so the step itself is simply retried later.
    const failure = problems.get(step.id) ?? logProblem ?? { reason: 'some emails are not settled yet', transient: true, inDoubt: false };
    await retrySteps(engine.db, [step], { ...failure, inDoubt: false }, engine.clock(), engine.settings.maxAttempts);
  }
  await markStepsDone(engine.db, done.map((s) => ({ id: s.id })));
}

function settled(m: EmailMessage): boolean {
  return m.status === 'skipped' || m.status === 'failed' || m.status === 'unknown' || (m.status === 'sent' && (m.logStatus === 'logged' || m.logStatus === 'not-logged'));
}

function summarize(messages: EmailMessage[]): DeliverySummary {
  return {
    sent: messages.filter((m) => m.status === 'sent').length,
    skipped: messages.filter((m) => m.status === 'skipped').map((m) => ({ contactId: m.contactId, reason: m.reason ?? 'skipped' })),
    failed: messages.filter((m) => m.status === 'failed').length,
    unknown: messages.filter((m) => m.status === 'unknown').length,
  };
}

function groupByStep(messages: EmailMessage[]): Map<string, EmailMessage[]> {
  const byStep = new Map<string, EmailMessage[]>();
  for (const m of messages) byStep.set(m.stepId, [...(byStep.get(m.stepId) ?? []), m]);
  return byStep;
}

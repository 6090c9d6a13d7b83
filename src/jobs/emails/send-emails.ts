import type { Mailer } from '../../email/mailer.js';
import { HubSpotError } from '../../hubspot/hubspot-error.js';
import { messagesOfSteps, type EmailMessage } from '../../store/email-messages.js';
import { claimEmailSteps, recordDelivery, type DeliverySummary, type EmailStep } from '../../store/email-steps.js';
import { markStepsDone, retrySteps } from '../../store/step-store.js';
import { deliverMessages } from './deliver-emails.js';
import type { Engine } from '../engine.js';
import { logSentEmails } from './log-sent-emails.js';
import { prepareEmails } from './prepare-emails.js';
import { retryDelay } from '../retry-delay.js';

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
      await prepareEmails(engine, mailer, unprepared);
      ready.push(...unprepared);
    } catch (error) {
      const failure = error instanceof HubSpotError ? error : undefined;
      engine.log.warn({ code: failure?.code ?? 'INTERNAL', status: failure?.details.status, steps: unprepared.length, kind: 'email' }, (error as Error).message);
      // Reading contacts changes nothing in HubSpot, so a failed preparation is never in doubt.
      await retrySteps(engine.db, unprepared, {
        error: (error as Error).message,
        now: engine.clock(),
        maxAttempts: engine.settings.maxAttempts,
        inDoubt: false,
        delayMs: retryDelay(error, engine),
      });
    }
  }
  const problems = new Map<string, string>();
  const byStep = groupByStep(await messagesOfSteps(engine.db, ready.map((s) => s.id)));
  for (const step of ready) {
    const problem = await deliverMessages(engine, mailer, byStep.get(step.id) ?? []);
    if (problem) problems.set(step.id, problem);
  }
  const sent = await messagesOfSteps(engine.db, ready.map((s) => s.id));
  const logProblem = await logSentEmails(engine, sent);
  await finish(engine, ready, groupByStep(await messagesOfSteps(engine.db, ready.map((s) => s.id))), problems, logProblem);
  return steps.length;
}

async function finish(engine: Engine, steps: EmailStep[], byStep: Map<string, EmailMessage[]>, problems: Map<string, string>, logProblem: string | null): Promise<void> {
  const done: EmailStep[] = [];
  for (const step of steps) {
    const messages = byStep.get(step.id) ?? [];
    if (messages.every(settled)) {
      await recordDelivery(engine.db, step.id, summarize(messages));
      done.push(step);
      continue;
    }
    // Our message states carry any doubt, so the step itself is simply retried later.
    await retrySteps(engine.db, [step], {
      error: problems.get(step.id) ?? logProblem ?? 'some emails are not settled yet',
      now: engine.clock(),
      maxAttempts: engine.settings.maxAttempts,
      inDoubt: false,
    });
  }
  await markStepsDone(engine.db, done.map((s) => ({ id: s.id })));
}

function settled(m: EmailMessage): boolean {
  return m.status === 'skipped' || m.status === 'failed' || m.status === 'unknown' || (m.status === 'sent' && m.logStatus === 'logged');
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

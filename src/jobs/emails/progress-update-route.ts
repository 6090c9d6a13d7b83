import { routeProgressUpdate } from '../../domain/progress-routing.js';
import { userHtml } from '../../domain/user-text.js';
import { progressParagraphs } from '../../email/templates/progress-paragraphs.js';
import type { Queryable } from '../../store/db.js';
import type { EmailStep } from '../../store/email-steps.js';
import { insertSteps } from '../../store/onboarding-store.js';
import type { Engine } from '../engine.js';
import { markerOf } from '../steps/steps-from-plan.js';
import type { DealFacts } from './email-input.js';

/**
 * A progress update (the milestone-update template) follows the channel and cadence the client chose at the
 * handoff: sent as an email, skipped when it would come sooner than they asked, or turned into a call task for the
 * PM when they chose the phone. Returns why its emails are not sent, or null when they are.
 */
export async function routeProgress(tx: Queryable, engine: Engine, step: EmailStep, facts: DealFacts, now: number): Promise<string | null> {
  if (step.payload.template !== 'milestone-update') return null;
  const route = routeProgressUpdate({
    channel: facts.channel,
    cadence: facts.cadence,
    atCheckpoint: step.effectKey.split(':')[1] === 'checkpoint',
    byCadence: step.effectKey.split(':')[1] === 'cadence',
    phase: facts.knownPhase,
    lastUpdateAt: await lastProgressUpdateAt(tx, step.dealId, step.id),
    now,
  });
  if (route.kind === 'email') return null;
  if (route.kind === 'skip') return route.reason;
  const locale = engine.playbook.locale;
  const key = `${step.effectKey}:progress-call`;
  const lines = progressParagraphs({ report: facts.progress, timezone: engine.playbook.timezone }, locale).map((l) => `<p>${userHtml(l)}</p>`).join('');
  const intro = locale === 'it'
    ? `<p>${userHtml(facts.companyName)} ha scelto il telefono per gli aggiornamenti: chiama e racconta, con parole tue, che cosa è stato fatto, che cosa viene dopo e che cosa serve da loro.</p>`
    : `<p>${userHtml(facts.companyName)} chose the phone for updates: call and tell them, in your words, what was done, what comes next and what is needed from them.</p>`;
  await insertSteps(tx, [{
    effectKey: key, entryId: null, dealId: step.dealId, kind: 'owner-task', stepId: 'progress-call', dueAt: now, runAt: now,
    payload: {
      task: {
        marker: markerOf(key), dealId: step.dealId, companyId: facts.companyId, contactIds: [], dueAt: now, priority: 'MEDIUM', type: 'CALL', body: intro + lines,
        subject: locale === 'it' ? `Chiamata di aggiornamento a ${facts.companyName}` : `Progress call to ${facts.companyName}`,
      },
      assignee: 'pm',
    },
  }]);
  return 'the client chose the phone for updates (handoff): a progress call task for the PM instead';
}

/** The last progress update the client got: a progress email stored for sending, or a progress call planned. */
async function lastProgressUpdateAt(tx: Queryable, dealId: string, exceptStepId: string): Promise<number | null> {
  const [row] = await tx.query<{ at: string | number | null }>(
    `SELECT GREATEST(
       (SELECT max(created_at) FROM email_messages WHERE deal_id = $1 AND template = 'milestone-update' AND status <> 'skipped' AND step_id <> $2),
       (SELECT max(due_at) FROM steps WHERE deal_id = $1 AND step_id = 'progress-call')) AS at`,
    [dealId, exceptStepId],
  );
  return row?.at == null ? null : Number(row.at);
}

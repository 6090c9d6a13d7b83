import type { Mailer } from '../../email/mailer.js';
import { MailSendError } from '../../email/mail-transport.js';
import type { TaskToCreate } from '../../hubspot/hubspot-port.js';
import { setMessageStatus, type EmailMessage } from '../../store/email-messages.js';
import { insertSteps } from '../../store/onboarding-store.js';
import { unsubscribedAmong } from '../../store/unsubscribes.js';
import type { Engine } from '../engine.js';
import { markerOf } from '../steps/steps-from-plan.js';

const CUT_SHORT = 'the send was cut short (crash or lost connection) and SMTP cannot tell whether it arrived; it is not sent again';

/**
 * Sends a step's stored messages, each at most once: 'sending' is committed before the transport is called.
 * Returns why some message must wait for another attempt, or null.
 */
export async function deliverMessages(engine: Engine, mailer: Mailer, messages: EmailMessage[]): Promise<string | null> {
  let retry: string | null = null;
  for (const m of messages) {
    if (m.status === 'sending') {
      // A previous attempt died between committing 'sending' and recording the outcome.
      const delivery = await mailer.transport.delivered(m.fileName);
      if (delivery === 'delivered') {
        await setMessageStatus(engine.db, m.id, 'sent', { sentAt: engine.clock() });
        continue;
      }
      if (delivery === 'unknown') {
        await markUnknown(engine, m, CUT_SHORT);
        continue;
      }
    } else if (m.status !== 'rendered') {
      continue;
    }
    retry = (await sendOne(engine, mailer, m)) ?? retry;
  }
  return retry;
}

async function sendOne(engine: Engine, mailer: Mailer, m: EmailMessage): Promise<string | null> {
  // Checked right before sending: an unsubscribe that arrived after the message was written still counts.
  if ((await unsubscribedAmong(engine.db, [m.contactId])).size > 0) {
    await setMessageStatus(engine.db, m.id, 'skipped', { reason: 'unsubscribed' });
    return null;
  }
  if (!m.raw || !m.logged) {
    await setMessageStatus(engine.db, m.id, 'failed', { reason: 'the stored message is missing' });
    return null;
  }
  // Each send renews the step's lease, so a long list of recipients is never taken over mid-send by another worker.
  await engine.db.query('UPDATE steps SET locked_until = $2 WHERE id = $1', [m.stepId, engine.clock() + engine.settings.leaseMs]);
  await setMessageStatus(engine.db, m.id, 'sending');
  try {
    await mailer.transport.send({ fileName: m.fileName, envelope: { from: mailer.from.address, to: m.logged.to.email }, raw: m.raw });
    await setMessageStatus(engine.db, m.id, 'sent', { sentAt: engine.clock() });
    return null;
  } catch (error) {
    const e = error instanceof MailSendError ? error : undefined;
    const delivery = e?.delivery ?? (mailer.transport.kind === 'outbox' ? 'not-delivered' : 'unknown');
    engine.log.warn({ code: e?.code ?? 'INTERNAL', dealId: m.dealId, contactId: m.contactId, delivery }, (error as Error).message);
    if (delivery === 'unknown') {
      await markUnknown(engine, m, (error as Error).message);
      return null;
    }
    if (e?.permanent) {
      await setMessageStatus(engine.db, m.id, 'failed', { reason: e.message });
      return null;
    }
    await setMessageStatus(engine.db, m.id, 'rendered', { reason: (error as Error).message });
    return (error as Error).message;
  }
}

/** At most once: a message that may have gone out is never sent again; the PM gets a task to check with the client. */
async function markUnknown(engine: Engine, m: EmailMessage, reason: string): Promise<void> {
  await setMessageStatus(engine.db, m.id, 'unknown', { reason });
  engine.log.error({ dealId: m.dealId, contactId: m.contactId, template: m.template }, 'an email may or may not have been delivered; a task asks the PM to check');
  let ownerId: string | null = null;
  try {
    const deal = (await engine.hubspot.readDeals([m.dealId])).get(m.dealId);
    ownerId = deal?.pmOwnerId ?? deal?.ownerId ?? null;
  } catch {
    // The task is still created, unassigned: better than no task.
  }
  const now = engine.clock();
  const key = `${m.effectKey}:delivery-check:${m.contactId}`;
  const it = engine.playbook.locale === 'it';
  const task: TaskToCreate = {
    marker: markerOf(key),
    dealId: m.dealId,
    companyId: m.companyId,
    contactIds: [m.contactId],
    ownerId,
    subject: it ? `Verifica che il contatto abbia ricevuto l'email "${m.template}"` : `Check that the contact received the "${m.template}" email`,
    body: it
      ? "L'invio è stato interrotto e il server di posta non dice se l'email è arrivata. first100 non la rimanda, per non mandarla due volte: chiedi al contatto se l'ha ricevuta."
      : 'Sending was interrupted and the mail server cannot tell whether the email arrived. first100 does not send it again, so it is never sent twice: ask the contact whether they got it.',
    dueAt: now,
    priority: 'MEDIUM',
    type: 'TODO',
  };
  await insertSteps(engine.db, [{ effectKey: key, entryId: null, dealId: m.dealId, kind: 'task', stepId: 'check-email-delivery', dueAt: now, runAt: now, payload: { task, assignee: 'pm' } }]);
}

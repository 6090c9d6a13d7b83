import type { EmailToLog } from '../../hubspot/hubspot-port.js';
import type { AttemptFailure } from '../../store/claim.js';
import { setLogStatus, type EmailMessage } from '../../store/email-messages.js';
import type { Engine } from '../engine.js';
import { runHubSpotWrites, type WriteUnit } from '../steps/hubspot-writes.js';

interface MessageUnit extends WriteUnit {
  message: EmailMessage;
}

/**
 * Logs sent messages on HubSpot (deal, contact, company), each once, through the one executor of HubSpot writes:
 * 'logging' is committed before the call, and a message left 'logging' is first searched for by its marker. Never
 * sends anything; a message only written to the outbox is never logged as sent. Returns why some must wait, or null.
 */
export async function logSentEmails(engine: Engine, messages: EmailMessage[]): Promise<AttemptFailure | null> {
  const due = messages.filter((m) => m.status === 'sent' && (m.logStatus === 'pending' || m.logStatus === 'logging') && m.logged);
  if (due.length === 0) return null;
  if (onlyInOutbox(engine)) {
    await setLogStatus(engine.db, due.map((m) => m.id), 'not-logged');
    return null;
  }
  let problem: AttemptFailure | null = null;
  await runHubSpotWrites<MessageUnit>(
    engine,
    {
      what: 'logged emails',
      write: (units) => engine.hubspot.logEmails(units.map((u) => toLog(u.message))),
      find: (dealId, markers) => engine.hubspot.findEmailsByMarker(dealId, markers),
      begin: (units) => setLogStatus(engine.db, units.map((u) => u.message.id), 'logging'),
      done: (units) => setLogStatus(engine.db, units.map(({ unit }) => unit.message.id), 'logged', new Map(units.map(({ unit, hubspotId }) => [unit.message.id, hubspotId]))),
      later: async (units, failure) => {
        // Refused or not sent: nothing was logged, so the next attempt logs without searching first.
        if (!failure.inDoubt) await setLogStatus(engine.db, units.map((u) => u.message.id), 'pending');
        // A refusal that cannot change weighs more than a wait: the step then fails after its attempts.
        if (!problem || problem.transient) problem = failure;
      },
    },
    due.map((m) => ({ key: m.marker, dealId: m.dealId, inDoubt: m.logStatus === 'logging', message: m })),
  );
  return problem;
}

/**
 * A message written to the outbox reached nobody: with HubSpot live, logging it would show the client as emailed.
 * Without a token HubSpot is the dry-run double, where the log is what the demo shows, so it is logged there.
 */
function onlyInOutbox(engine: Engine): boolean {
  return engine.mail?.transport.kind === 'outbox' && !engine.hubspot.dryRun;
}

function toLog(m: EmailMessage): EmailToLog {
  const copy = m.logged!;
  return { marker: m.marker, dealId: m.dealId, companyId: m.companyId, contactId: m.contactId, sentAt: m.sentAt ?? 0, subject: copy.subject, html: copy.html, text: copy.text, from: copy.from, to: copy.to };
}

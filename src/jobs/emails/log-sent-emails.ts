import { HubSpotError } from '../../hubspot/hubspot-error.js';
import { chunk, type EmailToLog } from '../../hubspot/hubspot-port.js';
import { setLogStatus, type EmailMessage } from '../../store/email-messages.js';
import type { Engine } from '../engine.js';

/**
 * Logs sent messages on HubSpot (deal, contact, company), each once: 'logging' is committed before the call, and
 * a message left 'logging' is first searched for by its marker. Never sends anything. Returns why some must wait.
 */
export async function logSentEmails(engine: Engine, messages: EmailMessage[]): Promise<string | null> {
  const due = messages.filter((m) => m.status === 'sent' && (m.logStatus === 'pending' || m.logStatus === 'logging') && m.logged);
  if (due.length === 0) return null;
  try {
    const fresh = due.filter((m) => m.logStatus === 'pending');
    for (const [dealId, doubtful] of groupByDeal(due.filter((m) => m.logStatus === 'logging'))) {
      const found = await engine.hubspot.findEmailsByMarker(dealId, doubtful.map((m) => m.marker));
      await markLogged(engine, doubtful.filter((m) => found.has(m.marker)), found);
      fresh.push(...doubtful.filter((m) => !found.has(m.marker)));
    }
    for (const part of chunk(fresh)) {
      await setLogStatus(engine.db, part.map((m) => m.id), 'logging');
      const ids = await engine.hubspot.logEmails(part.map(toLog));
      await markLogged(engine, part.filter((m) => ids.has(m.marker)), ids);
      if (part.some((m) => !ids.has(m.marker))) return 'HubSpot did not return some logged emails in its answer; they are looked for before logging again';
    }
    return null;
  } catch (error) {
    const failure = error instanceof HubSpotError ? error : undefined;
    // Refused outright: nothing was logged, so the next attempt logs without searching first.
    if (failure && !failure.inDoubt) await setLogStatus(engine.db, due.filter((m) => m.logStatus === 'pending').map((m) => m.id), 'pending');
    engine.log.warn({ code: failure?.code ?? 'INTERNAL', status: failure?.details.status, emails: due.length }, (error as Error).message);
    return (error as Error).message;
  }
}

async function markLogged(engine: Engine, messages: EmailMessage[], idsByMarker: Map<string, string>): Promise<void> {
  await setLogStatus(engine.db, messages.map((m) => m.id), 'logged', new Map(messages.map((m) => [m.id, idsByMarker.get(m.marker)!])));
}

function toLog(m: EmailMessage): EmailToLog {
  const copy = m.logged!;
  return { marker: m.marker, dealId: m.dealId, companyId: m.companyId, contactId: m.contactId, sentAt: m.sentAt ?? 0, subject: copy.subject, html: copy.html, text: copy.text, from: copy.from, to: copy.to };
}

function groupByDeal(messages: EmailMessage[]): Map<string, EmailMessage[]> {
  const byDeal = new Map<string, EmailMessage[]>();
  for (const m of messages) byDeal.set(m.dealId, [...(byDeal.get(m.dealId) ?? []), m]);
  return byDeal;
}

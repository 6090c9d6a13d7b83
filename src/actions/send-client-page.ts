import { addressHash } from '../domain/address-hash.js';
import { selectRecipients } from '../domain/email-recipients.js';
import type { Engine } from '../jobs/engine.js';
import { claimCardRequest } from '../store/card-request-store.js';
import { insertSteps, lockDealState, type NewStep } from '../store/onboarding-store.js';
import { deletedContacts } from '../store/privacy-deletion-store.js';
import { unsubscribedAmong } from '../store/unsubscribes.js';
import type { CardActor } from './card-actor.js';

/** A second press within this long sends nothing: a double click, or two colleagues pressing at once. */
export const RESEND_PAGE_AFTER_MS = 2 * 60_000;

export interface ClientPageRecipient {
  name: string | null;
  email: string;
}

export type SendPageOutcome =
  | { kind: 'planned'; to: ClientPageRecipient }
  /** The same press again (HubSpot's retry), or another within RESEND_PAGE_AFTER_MS: the first one's email goes. */
  | { kind: 'already-planned'; to: ClientPageRecipient }
  | { kind: 'not-sent'; reason: 'no-contact' | 'no-email' | 'unsubscribed' | 'paused' }
  | { kind: 'deal-not-found' }
  | { kind: 'request-id-reused' };

/**
 * "Send the client their page", from the deal card: one email to the deal's primary contact (the contact the
 * playbook's emails go to by default), carrying their current page link as every email does. The contact is read
 * from HubSpot now, so the card can say to whom it goes or why it does not: no contact, no address, unsubscribed,
 * or the onboarding paused (its emails wait for the resume). The step is pinned to that address: if the contact's
 * address changes before it goes, nothing is sent to the new one unasked.
 */
export async function sendClientPage(engine: Engine, dealId: string, requestId: string, actor: CardActor): Promise<SendPageOutcome> {
  const deal = (await engine.hubspot.readDeals([dealId])).get(dealId);
  if (!deal) return { kind: 'deal-not-found' };
  const forgotten = await deletedContacts(engine.db, deal.contactIds);
  const [contactId] = selectRecipients('primary_contact', deal.contactIds.filter((id) => !forgotten.has(id)).map((id) => ({ id, labels: deal.contactLabels?.[id] ?? [] })));
  if (!contactId) return { kind: 'not-sent', reason: 'no-contact' };
  const contact = (await engine.hubspot.readContacts([contactId])).get(contactId);
  if (!contact?.email) return { kind: 'not-sent', reason: 'no-email' };
  if ((await unsubscribedAmong(engine.db, [contactId])).size > 0) return { kind: 'not-sent', reason: 'unsubscribed' };
  const to = { name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || null, email: contact.email };
  return engine.db.transaction(async (tx) => {
    // Locks the deal's row: two presses at once are told apart one after the other.
    await lockDealState(tx, dealId);
    const claim = await claimCardRequest(tx, { requestId, dealId, action: 'send-client-page', actorUserId: actor.userId, content: {} });
    if (!claim.fresh) return claim.sameRequest ? { kind: 'already-planned', to } : { kind: 'request-id-reused' };
    const now = engine.clock();
    const [paused] = await tx.query('SELECT 1 FROM deal_onboarding WHERE deal_id = $1 AND paused_at IS NOT NULL', [dealId]);
    if (paused) return { kind: 'not-sent', reason: 'paused' };
    const recent = await tx.query("SELECT 1 FROM steps WHERE deal_id = $1 AND step_id = 'client-page-send' AND due_at > $2", [dealId, now - RESEND_PAGE_AFTER_MS]);
    if (recent.length > 0) return { kind: 'already-planned', to };
    const step: NewStep = {
      effectKey: `${dealId}:client-page-send:${requestId}`,
      entryId: null,
      dealId,
      kind: 'email',
      stepId: 'client-page-send',
      dueAt: now,
      runAt: now,
      payload: { template: 'client-page', to: 'primary_contact', toAddressHash: addressHash(to.email) },
    };
    await insertSteps(tx, [step]);
    return { kind: 'planned', to };
  });
}

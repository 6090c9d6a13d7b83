import { clientLinkExpiresAt, DEFAULT_CLIENT_LINK_GRACE_DAYS } from '../domain/client-link-expiry.js';
import { contactLocale, primaryContactId } from '../domain/email-recipients.js';
import type { Engine } from '../jobs/engine.js';
import { issueClientLink } from '../store/client-links.js';
import { deletedContacts } from '../store/privacy-deletion-store.js';

export type CardLinkOutcome = { kind: 'issued'; token: string; expiresAt: number } | { kind: 'no-contact' } | { kind: 'deal-not-found' };

/**
 * A fresh page link for the PM to copy and send: for the contact the deal's last link went to, else for the deal's
 * primary contact as HubSpot names it (a card request may ask HubSpot; the client's page never does).
 */
export async function clientLinkForCard(engine: Engine, dealId: string): Promise<CardLinkOutcome> {
  const now = engine.clock();
  const [state] = await engine.db.query<{ day_zero: string | number | null }>('SELECT day_zero FROM deal_onboarding WHERE deal_id = $1', [dealId]);
  const [last] = await engine.db.query<{ contact_id: string; locale: string }>(
    'SELECT contact_id, locale FROM client_links WHERE deal_id = $1 ORDER BY id DESC LIMIT 1',
    [dealId],
  );
  let contact = last ? { id: last.contact_id, locale: last.locale === 'it' ? ('it' as const) : ('en' as const) } : null;
  if (!contact) {
    const deal = (await engine.hubspot.readDeals([dealId])).get(dealId);
    if (!deal) return { kind: 'deal-not-found' };
    const forgotten = await deletedContacts(engine.db, deal.contactIds);
    const id = primaryContactId(deal.contactIds.filter((c) => !forgotten.has(c)).map((c) => ({ id: c, labels: deal.contactLabels?.[c] ?? [] })));
    if (!id) return { kind: 'no-contact' };
    const read = (await engine.hubspot.readContacts([id])).get(id);
    contact = { id, locale: contactLocale(read?.language, engine.playbook.locale) };
  }
  const dayZero = state?.day_zero == null ? null : Number(state.day_zero);
  const expiresAt = clientLinkExpiresAt(dayZero, now, engine.mail?.clientLinkGraceDays ?? DEFAULT_CLIENT_LINK_GRACE_DAYS);
  const token = await issueClientLink(engine.db, { dealId, contactId: contact.id, locale: contact.locale, now, expiresAt });
  return { kind: 'issued', token, expiresAt };
}

import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, markerIn, markerLine, type EmailToLog } from './hubspot-port.js';

// HubSpot-defined association type ids email → deal, contact, company (HUBSPOT-FACTS §4.2).
const EMAIL_TO_DEAL = 210;
const EMAIL_TO_CONTACT = 198;
const EMAIL_TO_COMPANY = 186;

interface CreatedBatch {
  results: { id: string; properties: Record<string, string | null> }[];
}
interface SearchPage {
  results: { id: string; properties: Record<string, string | null> }[];
  paging?: { next?: { after: string } };
}

export function emailInput(email: EmailToLog) {
  const association = (id: string, typeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] });
  const [fromFirst, ...fromLast] = (email.from.name ?? '').split(' ');
  return {
    properties: {
      hs_timestamp: new Date(email.sentAt).toISOString(),
      hs_email_direction: 'EMAIL',
      hs_email_status: 'SENT',
      hs_email_subject: email.subject,
      hs_email_text: `${email.text}\n\n${markerLine(email.marker)}`,
      hs_email_html: email.html,
      hs_email_headers: JSON.stringify({
        from: { email: email.from.email, ...(fromFirst ? { firstName: fromFirst, lastName: fromLast.join(' ') } : {}) },
        to: [{ email: email.to.email, ...(email.to.firstName ? { firstName: email.to.firstName } : {}), ...(email.to.lastName ? { lastName: email.to.lastName } : {}) }],
        cc: [],
        bcc: [],
      }),
    },
    associations: [
      association(email.dealId, EMAIL_TO_DEAL),
      association(email.contactId, EMAIL_TO_CONTACT),
      ...(email.companyId ? [association(email.companyId, EMAIL_TO_COMPANY)] : []),
    ],
  };
}

/** Logs emails as engagements (≤100 per call); logging never sends anything. Maps each marker to HubSpot's id. */
export async function logEmails(request: HubSpotRequest, emails: EmailToLog[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const part of chunk(emails)) {
    const created = await request<CreatedBatch>('POST', '/crm/v3/objects/emails/batch/create', { inputs: part.map(emailInput) });
    for (const email of created.results ?? []) {
      const marker = markerIn(email.properties.hs_email_text);
      if (marker) ids.set(marker, email.id);
    }
  }
  return ids;
}

/** Logged emails on a deal that carry our markers: how a retry learns what an unanswered log call did. */
export async function findEmailsByMarker(request: HubSpotRequest, dealId: string, markers: string[]): Promise<Map<string, string>> {
  const wanted = new Set(markers);
  const found = new Map<string, string>();
  let after: string | undefined;
  do {
    const page: SearchPage = await request<SearchPage>('POST', '/crm/v3/objects/emails/search', {
      filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: dealId }] }],
      properties: ['hs_email_text'],
      limit: 200,
      ...(after ? { after } : {}),
    });
    for (const email of page.results ?? []) {
      const marker = markerIn(email.properties.hs_email_text);
      if (marker && wanted.has(marker)) found.set(marker, email.id);
    }
    after = page.paging?.next?.after;
  } while (after && found.size < wanted.size);
  return found;
}

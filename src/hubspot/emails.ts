import { neutraliseMarkers } from '../domain/user-text.js';
import { markerLine, type EmailToLog } from './hubspot-port.js';
import type { MarkedObjectType } from './marked-objects.js';

// HubSpot-defined association type ids email → deal, contact, company (HUBSPOT-FACTS §4.2).
const EMAIL_TO_DEAL = 210;
const EMAIL_TO_CONTACT = 198;
const EMAIL_TO_COMPANY = 186;

export function emailInput(email: EmailToLog) {
  const association = (id: string, typeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] });
  const [fromFirst, ...fromLast] = (email.from.name ?? '').split(' ');
  return {
    properties: {
      hs_timestamp: new Date(email.sentAt).toISOString(),
      hs_email_direction: 'EMAIL',
      hs_email_status: 'SENT',
      hs_email_subject: email.subject,
      // Names and answers in the text are the client's: a marker they quote is never taken for ours.
      hs_email_text: `${neutraliseMarkers(email.text)}\n\n${markerLine(email.marker)}`,
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

/** Logging an email never sends anything; its text carries the marker a retry looks for. */
export const LOGGED_EMAILS: MarkedObjectType<EmailToLog> = { objectType: 'emails', markerProperty: 'hs_email_text', markerOf: (e) => e.marker, input: emailInput };

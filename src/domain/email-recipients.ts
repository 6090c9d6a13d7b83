import { toLocale } from './locale.js';
import type { Locale } from './phases.js';
import type { EmailAudience } from './playbook-schema.js';

/** A contact associated with a deal, with the association labels HubSpot shows on the deal (v4 `types[].label`). */
export interface DealContact {
  id: string;
  labels: string[];
}

/** The association label that marks a deal's primary contact; HubSpot has no such flag of its own. */
export const PRIMARY_CONTACT_LABELS = ['primary', 'primary contact', 'contatto principale'];

const byId = (a: DealContact, b: DealContact) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);
const hasLabel = (c: DealContact, wanted: string[]) => c.labels.some((l) => wanted.includes(normalize(l)));

function normalize(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * A deal's primary contact: the one whose association carries a "Primary" label (see PRIMARY_CONTACT_LABELS;
 * the lowest id if several do), else the contact with the lowest id, the longest-standing record.
 */
export function primaryContactId(contacts: DealContact[]): string | null {
  const sorted = [...contacts].sort(byId);
  return (sorted.find((c) => hasLabel(c, PRIMARY_CONTACT_LABELS)) ?? sorted[0])?.id ?? null;
}

/** The ids of the contacts an email goes to, lowest id first; a label no contact has selects nobody. */
export function selectRecipients(audience: EmailAudience, contacts: DealContact[]): string[] {
  if (audience === 'all_contacts') return [...contacts].sort(byId).map((c) => c.id);
  if (audience === 'primary_contact') {
    const id = primaryContactId(contacts);
    return id ? [id] : [];
  }
  const wanted = [normalize(audience.label)];
  return [...contacts].sort(byId).filter((c) => hasLabel(c, wanted)).map((c) => c.id);
}

/** A contact's language from HubSpot's `hs_language` ("it", "it-it", "en-gb"…); the playbook's when it is empty. */
export function contactLocale(hsLanguage: string | null | undefined, playbookLocale: Locale): Locale {
  return hsLanguage?.trim() ? toLocale(hsLanguage.trim()) : playbookLocale;
}

/** How the timeline and `first100 plan` name an audience. */
export function describeAudience(audience: EmailAudience): string {
  if (audience === 'primary_contact') return 'primary contact';
  if (audience === 'all_contacts') return 'all contacts';
  return `contacts labelled "${audience.label}"`;
}

import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, type ContactForEmail } from './hubspot-port.js';

interface BatchObjects {
  results: { id: string; properties: Record<string, string | null> }[];
}

const CONTACT_PROPERTIES = ['email', 'firstname', 'lastname', 'hs_language'];

/** Reads what an email needs of each contact, 100 per call (HubSpot's batch limit). */
export async function readContacts(request: HubSpotRequest, ids: string[]): Promise<Map<string, ContactForEmail>> {
  const contacts = new Map<string, ContactForEmail>();
  for (const part of chunk([...new Set(ids)])) {
    const read = await request<BatchObjects>('POST', '/crm/v3/objects/contacts/batch/read', {
      inputs: part.map((id) => ({ id })),
      properties: CONTACT_PROPERTIES,
    });
    for (const c of read.results ?? []) {
      const p = c.properties;
      contacts.set(c.id, { id: c.id, email: p.email || null, firstName: p.firstname || null, lastName: p.lastname || null, language: p.hs_language || null });
    }
  }
  return contacts;
}

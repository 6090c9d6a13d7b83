import { HubSpotError } from './hubspot-error.js';
import type { HubSpotRequest } from './hubspot-http.js';
import type { Owner } from './hubspot-port.js';

/** HubSpot's PublicOwner, as far as first100 reads it (HUBSPOT-FACTS §4.7). It carries no phone number. */
interface PublicOwner {
  id: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  archived?: boolean;
}

/**
 * Reads owners one by one (the owners API has no batch read); an owner HubSpot does not know is left out. Called
 * by jobs only (an email being prepared), never while a card or webhook request waits.
 */
export async function readOwners(request: HubSpotRequest, ids: string[]): Promise<Map<string, Owner>> {
  const owners = new Map<string, Owner>();
  for (const id of new Set(ids)) {
    if (!/^\d{1,20}$/.test(id)) continue;
    try {
      const o = await request<PublicOwner>('GET', `/crm/v3/owners/${id}`);
      owners.set(id, { id, email: o.email || null, firstName: o.firstName || null, lastName: o.lastName || null });
    } catch (error) {
      if (error instanceof HubSpotError && error.code === 'NOT_FOUND') continue;
      throw error;
    }
  }
  return owners;
}

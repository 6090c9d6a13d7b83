import { HubSpotError } from './hubspot-error.js';
import type { HubSpotRequest } from './hubspot-http.js';
import type { Owner, OwnerPage } from './hubspot-port.js';

/** HubSpot's PublicOwner, as far as first100 reads it (HUBSPOT-FACTS §4.7). It carries no phone number. */
interface PublicOwner {
  id: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  /** An integer in HubSpot's spec: the user's id, as hubspot.fetch signs it. */
  userId?: number | string | null;
  archived?: boolean;
}

interface OwnersList {
  results: PublicOwner[];
  paging?: { next?: { after?: string } };
}

/** The owners list's largest page (HubSpot's spec: limit ≤ 500). */
export const OWNERS_PAGE_SIZE = 500;

/**
 * Reads owners one by one (the owners API has no batch read); an owner HubSpot does not know is left out. Called
 * by jobs only (an email being prepared), never while a card or webhook request waits.
 */
export async function readOwners(request: HubSpotRequest, ids: string[]): Promise<Map<string, Owner>> {
  const owners = new Map<string, Owner>();
  for (const id of new Set(ids)) {
    if (!/^\d{1,20}$/.test(id)) continue;
    try {
      owners.set(id, toOwner(await request<PublicOwner>('GET', `/crm/v3/owners/${id}`), id));
    } catch (error) {
      if (error instanceof HubSpotError && error.code === 'NOT_FOUND') continue;
      throw error;
    }
  }
  return owners;
}

/** One page of the active owners, `after` being the token the previous page gave. */
export async function listOwners(request: HubSpotRequest, after?: string): Promise<OwnerPage> {
  const query = new URLSearchParams({ limit: String(OWNERS_PAGE_SIZE), archived: 'false' });
  if (after) query.set('after', after);
  const page = await request<OwnersList>('GET', `/crm/v3/owners?${query}`);
  const next = page.paging?.next?.after;
  return { owners: (page.results ?? []).filter((o) => /^\d{1,20}$/.test(String(o.id))).map((o) => toOwner(o, String(o.id))), ...(next ? { after: next } : {}) };
}

function toOwner(o: PublicOwner, id: string): Owner {
  const userId = o.userId === null || o.userId === undefined || o.userId === '' ? null : String(o.userId);
  return { id, email: o.email || null, firstName: o.firstName || null, lastName: o.lastName || null, userId, archived: o.archived === true };
}

import { createHash } from 'node:crypto';

/**
 * An email address as first100 compares it without keeping it: trimmed, lower-cased, hashed. The client page's
 * "email me a new link" form stores only this, and the sender compares it with the contact's address in HubSpot.
 */
export function addressHash(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
}

import { signV3 } from '../hubspot/signature.js';

export interface CardCall {
  /** Where to send it (the server's local address). */
  serverUrl: string;
  /** The public base URL the server verifies signatures against. */
  publicBaseUrl: string;
  secret: string;
  portalId: string;
  /** The HubSpot user the card runs for. */
  userId: string;
  path: string;
  body: unknown;
  timestamp: number;
}

/**
 * Posts to the card API exactly as hubspot.fetch does from a card: HubSpot appends the user and the account to the
 * URL, sends the body as JSON and signs method, public URL (query included), body and timestamp (v3).
 */
export function postCardCall(c: CardCall): Promise<Response> {
  const query = `?${new URLSearchParams({ userId: c.userId, portalId: c.portalId, userEmail: `user${c.userId}@demo.invalid`, appId: '1' })}`;
  const body = JSON.stringify(c.body);
  const timestamp = String(c.timestamp);
  return fetch(`${c.serverUrl}${c.path}${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': timestamp,
      'x-hubspot-signature-v3': signV3(c.secret, 'POST', `${c.publicBaseUrl}${c.path}${query}`, body, timestamp),
    },
    body,
  });
}

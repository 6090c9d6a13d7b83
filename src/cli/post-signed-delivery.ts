import { signV3 } from '../hubspot/signature.js';

export interface SignedDelivery {
  /** Where to send it (the server's local address). */
  serverUrl: string;
  /** The public base URL the server verifies signatures against. */
  publicBaseUrl: string;
  secret: string;
  body: string;
  timestamp: number;
}

/** Sends a webhook delivery exactly as HubSpot does: raw JSON body, v3 signature over the public URL. */
export function postSignedDelivery(d: SignedDelivery): Promise<Response> {
  const path = '/webhooks/hubspot';
  const timestamp = String(d.timestamp);
  return fetch(`${d.serverUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': timestamp,
      'x-hubspot-signature-v3': signV3(d.secret, 'POST', `${d.publicBaseUrl}${path}`, d.body, timestamp),
    },
    body: d.body,
  });
}

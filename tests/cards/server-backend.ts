import { hubspot } from '@hubspot/ui-extensions';
import { vi } from 'vitest';
import { BACKEND_URL } from '../../extensions/app/cards/lib/backend';
import { cardCall } from '../support/card-requests.js';

/**
 * hubspot.fetch as HubSpot runs it, against the real first100 server: the card's call is signed with the app's
 * secret, names the signed-in user, and reaches the server's card endpoints. The card, the server and its store
 * are all real; only HubSpot's own proxy is played here.
 */
export function serverBackend(serverUrl: string, now: () => number, user: { userId: string; userEmail: string }) {
  return vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, options) => {
    const method = options?.method === 'POST' ? 'POST' : 'GET';
    return cardCall(serverUrl, method, String(url).replace(BACKEND_URL, ''), now(), { ...user, ...(options?.body === undefined ? {} : { body: options.body }) });
  });
}

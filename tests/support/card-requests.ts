import { signV3 } from '../../src/hubspot/signature.js';
import { PORTAL, PUBLIC_URL, SECRET } from './start-server.js';

export interface CardCallOptions {
  body?: unknown;
  userId?: string;
  userEmail?: string;
  portalId?: string;
  timestamp?: number;
  secret?: string;
  /** null: send no signature headers at all. */
  signature?: string | null;
  /** Changes the query string after signing. */
  tamperQuery?: (query: string) => string;
  /** Changes the body after signing. */
  tamperBody?: (body: string) => string;
}

/**
 * Calls the card API the way hubspot.fetch does: HubSpot appends the user and account to the URL, serializes the
 * body object to JSON, and signs method + public URL (query included) + body + timestamp with the client secret.
 */
export async function cardCall(serverUrl: string, method: 'GET' | 'POST', path: string, now: number, o: CardCallOptions = {}): Promise<Response> {
  const params = new URLSearchParams({ userId: o.userId ?? '1001', portalId: o.portalId ?? PORTAL, userEmail: o.userEmail ?? 'rep@acme.example', appId: '31000001' });
  const query = `${path.includes('?') ? '&' : '?'}${params}`;
  const body = o.body === undefined ? '' : JSON.stringify(o.body);
  const timestamp = String(o.timestamp ?? now);
  const signature = o.signature === undefined ? signV3(o.secret ?? SECRET, method, `${PUBLIC_URL}${path}${query}`, body, timestamp) : o.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) Object.assign(headers, { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp });
  const sent = `${path}${o.tamperQuery ? o.tamperQuery(query) : query}`;
  return fetch(`${serverUrl}${sent}`, { method, headers, ...(method === 'POST' ? { body: o.tamperBody ? o.tamperBody(body) : body } : {}) });
}

let next = 1;
/** A request id like the card makes, one per user action. */
export function newRequestId(): string {
  return `req-${Date.now().toString(36)}-${next++}`;
}

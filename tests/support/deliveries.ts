import { signV3 } from '../../src/hubspot/signature.js';
import { PORTAL, PUBLIC_URL, SECRET } from './start-server.js';

let nextEventId = 1;

/** A classic deal stage-change event, shaped like HubSpot's. */
export function stageEvent(dealId: string, stageId: string, occurredAt: number, extra: Record<string, unknown> = {}) {
  return {
    eventId: nextEventId++,
    subscriptionId: 2500001,
    portalId: Number(PORTAL),
    appId: 31000001,
    occurredAt,
    subscriptionType: 'deal.propertyChange',
    attemptNumber: 0,
    objectId: Number(dealId),
    propertyName: 'dealstage',
    propertyValue: stageId,
    changeSource: 'CRM_UI',
    sourceId: 'userId:1234567',
    ...extra,
  };
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  contentType?: string;
  signature?: string | null;
  /** Changes the body after signing. */
  tamper?: (body: string) => string;
}

/** POSTs a delivery to the server the way HubSpot does: raw JSON, signed v3 over the public URL. */
export async function deliver(serverUrl: string, body: string | unknown[], now: number, o: SendOptions = {}): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(o.timestamp ?? now);
  const signature = o.signature === undefined ? signV3(o.secret ?? SECRET, 'POST', `${PUBLIC_URL}/webhooks/hubspot`, raw, timestamp) : o.signature;
  const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/json', 'x-hubspot-request-timestamp': timestamp };
  if (signature !== null) headers['x-hubspot-signature-v3'] = signature;
  return fetch(`${serverUrl}/webhooks/hubspot`, { method: 'POST', headers, body: o.tamper ? o.tamper(raw) : raw });
}

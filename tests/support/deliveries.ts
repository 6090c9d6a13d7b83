import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signV3 } from '../../src/hubspot/signature.js';
import { PORTAL, PUBLIC_URL, SECRET } from './start-server.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/webhooks');

/** A delivery as HubSpot sent it, byte for byte (tests/fixtures/webhooks/README.md says where each shape comes from). */
export function webhookFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** HubSpot's classic deal stage-change event, from the fixture: every test's stage change has its real shape. */
const STAGE_CHANGE: Record<string, unknown> = JSON.parse(webhookFixture('deal-propertychange.closedwon.json'))[0];

let nextEventId = 1;

/** A classic deal stage-change event: the fixture's, for another deal, stage and moment. */
export function stageEvent(dealId: string, stageId: string, occurredAt: number, extra: Record<string, unknown> = {}) {
  return {
    ...STAGE_CHANGE,
    eventId: nextEventId++,
    portalId: Number(PORTAL),
    occurredAt,
    objectId: Number(dealId),
    propertyValue: stageId,
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

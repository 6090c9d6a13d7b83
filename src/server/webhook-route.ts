import express, { Router } from 'express';
import type { Logger } from 'pino';
import { verifyV3, type SignatureFailure } from '../hubspot/signature.js';
import type { Db } from '../store/db.js';
import { recordDelivery } from '../store/delivery-store.js';
import { HttpError } from './http-error.js';
import { deliverySchema, toPrivacyDeletion, toStageChange } from './webhook-events.js';

export interface WebhookDeps {
  db: Db;
  log: Logger;
  clock: () => number;
  clientSecret?: string;
  publicBaseUrl?: string;
  /** Our HubSpot account; events of any other are acknowledged and ignored. Absent: accept any (dry-run). */
  portalId?: string;
  onStored: () => void;
  /** Told while a delivery is being handled, so the worker steps aside. */
  gate: { enter(): void; leave(): void };
}

export const WEBHOOK_PATH = '/webhooks/hubspot';
export const MAX_BODY_BYTES = 1024 * 1024;

export const SIGNATURE_ADVICE: Record<SignatureFailure, string> = {
  missing: 'the X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp headers are required',
  'bad-timestamp': 'X-HubSpot-Request-Timestamp must be milliseconds since the epoch',
  stale: 'the request timestamp is more than 5 minutes away from our clock; check the server clock (NTP)',
  mismatch: 'the signature does not match: check that HUBSPOT_CLIENT_SECRET is this app\'s client secret and PUBLIC_BASE_URL the URL HubSpot calls',
};

export function webhookRouter(deps: WebhookDeps): Router {
  const router = Router();
  router.post(
    WEBHOOK_PATH,
    (_req, res, next) => {
      deps.gate.enter();
      res.once('close', () => deps.gate.leave());
      next();
    },
    express.raw({ type: () => true, limit: MAX_BODY_BYTES }),
    async (req, res) => {
      if (!req.is('application/json')) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the events as application/json');
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      checkSignature(deps, req.method, req.originalUrl, body, req.get('x-hubspot-signature-v3'), req.get('x-hubspot-request-timestamp'));

      const events = parseDelivery(body);
      const ours = events.filter((e) => !deps.portalId || e.portalId === deps.portalId);
      const changes = ours.map(toStageChange).filter((c) => c !== undefined);
      const deletions = ours.map(toPrivacyDeletion).filter((d) => d !== undefined);
      let stored: number;
      try {
        stored = await recordDelivery(deps.db, { changes, deletions }, deps.clock());
      } catch (error) {
        deps.log.error({ err: { message: (error as Error).message } }, 'could not store a webhook delivery');
        throw new HttpError(503, 'STORAGE_UNAVAILABLE', 'the events could not be stored; HubSpot will retry the delivery');
      }
      const relevant = changes.length + deletions.length;
      deps.log.info({ received: events.length, relevant, privacyDeletions: deletions.length, stored }, 'webhook delivery stored');
      if (stored > 0) deps.onStored();
      res.status(200).json({ received: events.length, stored, ignored: events.length - relevant });
    },
  );
  return router;
}

function checkSignature(
  deps: WebhookDeps,
  method: string,
  path: string,
  body: Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
): void {
  if (!deps.clientSecret || !deps.publicBaseUrl) {
    throw new HttpError(401, 'SIGNATURE_UNVERIFIABLE', 'webhooks are refused until HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL are set');
  }
  const failure = verifyV3(deps.clientSecret, { method, url: deps.publicBaseUrl + path, body, signature, timestamp }, deps.clock());
  if (failure) throw new HttpError(401, `SIGNATURE_${failure.toUpperCase().replace('-', '_')}`, SIGNATURE_ADVICE[failure]);
}

function parseDelivery(body: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'the body is not valid JSON');
  }
  if (!Array.isArray(json)) throw new HttpError(400, 'NOT_AN_ARRAY', 'HubSpot sends a JSON array of events');
  const parsed = deliverySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, 'INVALID_EVENT', `event ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

import { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../store/db.js';
import { recordDelivery } from '../store/delivery-store.js';
import { HttpError } from './http-error.js';
import { SIGNED_ROUTES, verifiedBody, verifyHubSpotRequest, type VerifierDeps } from './verify-hubspot-request.js';
import { readDelivery, type DeliveryContents } from './webhook-events.js';

export interface WebhookDeps extends VerifierDeps {
  db: Db;
  log: Logger;
  /** Our HubSpot account; events of any other are acknowledged and ignored. Absent: accept any (dry-run). */
  portalId?: string;
  onStored: () => void;
  /** Told while a verified delivery is being stored, so the worker steps aside. */
  gate: { enter(): void; leave(): void };
}

export const WEBHOOK_PATH = '/webhooks/hubspot';

/** Told by the headers alone, before the body is read. */
const requireJson: RequestHandler = (req, res, next) => {
  if (req.is('application/json')) return next();
  res.set('Connection', 'close');
  next(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the events as application/json'));
};

export function webhookRouter(deps: WebhookDeps): Router {
  const router = Router();
  router.post(WEBHOOK_PATH, requireJson, verifyHubSpotRequest(deps, SIGNED_ROUTES.webhooks), async (_req, res) => {
    const delivery = readDelivery(verifiedBody(res), { now: deps.clock(), portalId: deps.portalId });
    if (delivery.setAside.length > 0) logSetAside(deps.log, delivery);
    let stored: number;
    // The gate is entered only now: a delivery holds the worker back while it is stored, and no longer.
    deps.gate.enter();
    try {
      stored = await recordDelivery(deps.db, delivery, deps.clock());
    } catch (error) {
      deps.log.error({ err: { message: (error as Error).message } }, 'could not store a webhook delivery');
      throw new HttpError(503, 'STORAGE_UNAVAILABLE', 'the events could not be stored; HubSpot will retry the delivery');
    } finally {
      deps.gate.leave();
    }
    const { received, changes, deletions, completions, setAside, ignored } = delivery;
    deps.log.info({ received, relevant: changes.length + deletions.length + completions.length, privacyDeletions: deletions.length, taskCompletions: completions.length, setAside: setAside.length, stored }, 'webhook delivery stored');
    if (stored > 0) deps.onStored();
    res.status(200).json({ received, stored, ignored, setAside: setAside.length });
  });
  return router;
}

/** Which events were set aside and why, without their values; the count is kept in the store for the status page. */
function logSetAside(log: Logger, d: DeliveryContents): void {
  const shown = d.setAside.slice(0, 10).map((e) => ({ eventId: e.eventId, subscriptionType: e.subscriptionType, reason: e.reason }));
  log.warn({ received: d.received, setAside: d.setAside.length, events: shown }, 'malformed webhook events set aside; the others are stored');
}

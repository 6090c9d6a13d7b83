import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { verifyV3 } from '../hubspot/signature.js';
import { HttpError } from './http-error.js';
import { SIGNATURE_ADVICE } from './webhook-route.js';

export interface CardAuthDeps {
  clock: () => number;
  clientSecret?: string;
  publicBaseUrl?: string;
  portalId?: string;
}

/** Who is acting, as HubSpot signed it into the query string of every hubspot.fetch call. */
export interface CardCaller {
  userId: string;
  /** Shown to colleagues in notes and the checklist's history; never logged. */
  userEmail: string | null;
  portalId: string;
}

/** Card bodies are small JSON objects; HubSpot caps them at 1 MB, we at far less. */
export const MAX_CARD_BODY_BYTES = 64 * 1024;

/**
 * Lets through only what HubSpot sent for one of our cards: a fresh v3 signature over the public URL (query
 * included) and the raw body, from our portal, naming the user. The caller lands in res.locals.caller and a
 * POST's JSON object in res.locals.body.
 */
export function cardAuth(deps: CardAuthDeps): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: MAX_CARD_BODY_BYTES }),
    (req: Request, res: Response, next: NextFunction) => {
      if (!deps.clientSecret || !deps.publicBaseUrl || !deps.portalId) {
        throw new HttpError(401, 'SIGNATURE_UNVERIFIABLE', 'card requests are refused until HUBSPOT_CLIENT_SECRET, PUBLIC_BASE_URL and HUBSPOT_PORTAL_ID are set');
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const failure = verifyV3(
        deps.clientSecret,
        { method: req.method, url: deps.publicBaseUrl + req.originalUrl, body, signature: req.get('x-hubspot-signature-v3'), timestamp: req.get('x-hubspot-request-timestamp') },
        deps.clock(),
      );
      if (failure) throw new HttpError(401, `SIGNATURE_${failure.toUpperCase().replace('-', '_')}`, SIGNATURE_ADVICE[failure]);

      const query = new URL(req.originalUrl, 'http://card.invalid').searchParams;
      const single = (name: string) => (query.getAll(name).length === 1 ? query.get(name) : null);
      const portalId = single('portalId');
      if (portalId !== deps.portalId) {
        throw new HttpError(403, 'OTHER_PORTAL', 'this first100 server serves another HubSpot account: point the app at the server of this account');
      }
      const userId = single('userId');
      if (!userId || !/^\d+$/.test(userId)) throw new HttpError(401, 'USER_MISSING', 'the request does not name the HubSpot user; only hubspot.fetch from a first100 card can call this API');
      res.locals.caller = { userId, userEmail: single('userEmail'), portalId } satisfies CardCaller;
      res.locals.body = req.method === 'GET' ? {} : parseObject(body);
      next();
    },
  ];
}

function parseObject(body: Buffer): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'the body is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new HttpError(400, 'NOT_AN_OBJECT', 'send a JSON object');
  return json as Record<string, unknown>;
}

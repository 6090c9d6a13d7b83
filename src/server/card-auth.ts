import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from './http-error.js';
import { parseJsonBody } from './parse-json-body.js';
import { SIGNED_ROUTES, verifiedBody, verifyHubSpotRequest, type VerifierDeps } from './verify-hubspot-request.js';

export type CardAuthDeps = VerifierDeps;

/** Who is acting, as HubSpot signed it into the query string of every hubspot.fetch call. */
export interface CardCaller {
  userId: string;
  /** Shown to colleagues in notes and the checklist's history; never logged. */
  userEmail: string | null;
  portalId: string;
}

/**
 * Lets through only what HubSpot sent for one of our cards: a fresh v3 signature over the public URL (query
 * included) and the raw body, from our portal, naming the user. The caller lands in res.locals.caller and a
 * POST's JSON object in res.locals.body.
 */
export function cardAuth(deps: CardAuthDeps): RequestHandler[] {
  return [
    verifyHubSpotRequest(deps, SIGNED_ROUTES.cards),
    (req: Request, res: Response, next: NextFunction) => {
      const query = new URL(req.originalUrl, 'http://card.invalid').searchParams;
      const single = (name: string) => (query.getAll(name).length === 1 ? query.get(name) : null);
      const portalId = single('portalId');
      if (portalId !== deps.portalId) {
        throw new HttpError(403, 'OTHER_PORTAL', 'this first100 server serves another HubSpot account: point the app at the server of this account');
      }
      const userId = single('userId');
      if (!userId || !/^\d+$/.test(userId)) throw new HttpError(401, 'USER_MISSING', 'the request does not name the HubSpot user; only hubspot.fetch from a first100 card can call this API');
      res.locals.caller = { userId, userEmail: single('userEmail'), portalId } satisfies CardCaller;
      res.locals.body = req.method === 'GET' ? {} : parseObject(verifiedBody(res));
      next();
    },
  ];
}

function parseObject(body: Buffer): Record<string, unknown> {
  const json = parseJsonBody(body.length === 0 ? Buffer.from('{}') : body);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new HttpError(400, 'NOT_AN_OBJECT', 'send a JSON object');
  return json as Record<string, unknown>;
}

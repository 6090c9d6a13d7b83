import type { Request, RequestHandler, Response } from 'express';
import { requestSignatureFailure, signatureHeaderFailure, type RequestSignatureFailure, type SignatureScheme, type SignedHttpRequest } from '../hubspot/request-signature.js';
import { HttpError } from './http-error.js';
import { readRawBody, type BodyLimits } from './read-raw-body.js';

/** What every HubSpot-signed route needs to verify a request: the clock and the app's settings. */
export interface VerifierDeps {
  clock: () => number;
  clientSecret?: string;
  publicBaseUrl?: string;
  portalId?: string;
}

/** What differs between the routes HubSpot signs (webhooks, cards, workflow actions). */
export interface VerifyRules extends Omit<BodyLimits, 'deadlineMs'> {
  /** Named in the refusal while the settings are missing: "webhooks", "card requests", "workflow actions". */
  what: string;
  scheme: SignatureScheme;
  /** The route cannot work without HUBSPOT_PORTAL_ID either (it checks the caller's account). */
  needsPortalId: boolean;
}

/** HubSpot sends a body at once; a few seconds covers a slow network, not a client trickling bytes. */
export const BODY_DEADLINE_MS = 5_000;

/** The routes HubSpot signs, and what each takes: one table, so no route verifies in its own way. */
export const SIGNED_ROUTES = {
  webhooks: { what: 'webhooks', scheme: 'v3', needsPortalId: false, maxBytes: 1024 * 1024, sizeHint: 'HubSpot sends at most 100 events per request' },
  cards: { what: 'card requests', scheme: 'v3', needsPortalId: true, maxBytes: 64 * 1024, sizeHint: 'a card sends a small JSON object' },
  workflowActions: { what: 'workflow actions', scheme: 'v3-or-v2', needsPortalId: true, maxBytes: 64 * 1024, sizeHint: 'an execution request is a small JSON object' },
} as const satisfies Record<string, VerifyRules>;

const SIGNATURE_ADVICE: Record<Exclude<RequestSignatureFailure, 'missing'>, string> = {
  'bad-timestamp': 'X-HubSpot-Request-Timestamp must be milliseconds since the epoch',
  stale: 'the request timestamp is more than 5 minutes away from our clock; check the server clock (NTP)',
  mismatch: "the signature does not match: check that HUBSPOT_CLIENT_SECRET is this app's client secret and PUBLIC_BASE_URL the URL HubSpot calls",
  version: 'this route takes the v3 signature, or v2 (X-HubSpot-Signature-Version: v2)',
};
const MISSING_ADVICE: Record<SignatureScheme, string> = {
  v3: 'the X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp headers are required',
  'v3-or-v2': 'the X-HubSpot-Signature header (v2), or X-HubSpot-Signature-v3 with X-HubSpot-Request-Timestamp, is required',
};

/** The one place a signature failure becomes an answer: 401, a code per failure, a message that says what to check. */
export function signatureError(failure: RequestSignatureFailure, scheme: SignatureScheme): HttpError {
  const advice = failure === 'missing' ? MISSING_ADVICE[scheme] : SIGNATURE_ADVICE[failure];
  return new HttpError(401, `SIGNATURE_${failure.toUpperCase().replace('-', '_')}`, advice);
}

/**
 * Verify → handle → transport, as octokit/webhooks.js layers it: this middleware lets a request through only once
 * HubSpot's signature over its exact bytes holds, and hands the handler those bytes in `res.locals.rawBody`.
 * What the headers already refuse (no signature, a stale timestamp, a declared body over the limit) is answered
 * before the body is read; the body is read with a size limit and a deadline. A refused request's connection is
 * closed, so a client still sending cannot keep it.
 */
export function verifyHubSpotRequest(deps: VerifierDeps, rules: VerifyRules): RequestHandler {
  return async (req, res, next) => {
    const { clientSecret, publicBaseUrl } = deps;
    if (!clientSecret || !publicBaseUrl || (rules.needsPortalId && !deps.portalId)) {
      const settings = rules.needsPortalId ? 'HUBSPOT_CLIENT_SECRET, PUBLIC_BASE_URL and HUBSPOT_PORTAL_ID are' : 'HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL are';
      throw refuse(res, new HttpError(401, 'SIGNATURE_UNVERIFIABLE', `${rules.what} are refused until ${settings} set`));
    }
    const signed = signedRequest(req, publicBaseUrl);
    const early = signatureHeaderFailure(signed, rules.scheme, deps.clock());
    if (early) throw refuse(res, signatureError(early, rules.scheme));
    let body: Buffer;
    try {
      body = await readRawBody(req, { maxBytes: rules.maxBytes, sizeHint: rules.sizeHint, deadlineMs: BODY_DEADLINE_MS });
    } catch (error) {
      throw refuse(res, error as HttpError);
    }
    const failure = requestSignatureFailure(clientSecret, signed, body, rules.scheme, deps.clock());
    if (failure) throw signatureError(failure, rules.scheme);
    res.locals.rawBody = body;
    next();
  };
}

function signedRequest(req: Request, publicBaseUrl: string): SignedHttpRequest {
  return { method: req.method, url: publicBaseUrl + req.originalUrl, header: (name) => req.get(name) };
}

/** A refusal before the body was read closes the connection once answered: nothing more is read from it. */
function refuse(res: Response, error: HttpError): HttpError {
  res.set('Connection', 'close');
  return error;
}

/** The verified bytes the middleware left for the handler. */
export function verifiedBody(res: Response): Buffer {
  const body: unknown = res.locals.rawBody;
  if (!Buffer.isBuffer(body)) throw new Error('verifyHubSpotRequest must run before this handler');
  return body;
}

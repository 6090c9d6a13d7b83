import { verifyV2 } from './signature-v2.js';
import { v3HeaderFailure, verifyV3, type SignatureFailure } from './signature.js';

/**
 * Which signatures a route takes. Webhooks and hubspot.fetch carry v3 (with its timestamp); custom workflow actions
 * carry v2, and v3 when HubSpot sends it (HUBSPOT-FACTS §3).
 */
export type SignatureScheme = 'v3' | 'v3-or-v2';

/** `version`: a signature of a version the route does not take (e.g. v1). */
export type RequestSignatureFailure = SignatureFailure | 'version';

/** The parts of an HTTP request a signature covers or names; `header` reads a header by its lower-case name. */
export interface SignedHttpRequest {
  method: string;
  /** The public URL HubSpot called (PUBLIC_BASE_URL + path and query), never rebuilt from the Host header. */
  url: string;
  header(name: string): string | undefined;
}

const usesV3 = (req: SignedHttpRequest, scheme: SignatureScheme) => scheme === 'v3' || req.header('x-hubspot-signature-v3') !== undefined;

/**
 * What the headers alone refuse, so that an unsigned or stale request is turned away before its body is read:
 * a missing signature, a version the route does not take, a v3 timestamp that is not within ±5 minutes.
 */
export function signatureHeaderFailure(req: SignedHttpRequest, scheme: SignatureScheme, nowMs: number): RequestSignatureFailure | null {
  if (usesV3(req, scheme)) return v3HeaderFailure(req.header('x-hubspot-signature-v3'), req.header('x-hubspot-request-timestamp'), nowMs);
  const version = req.header('x-hubspot-signature-version');
  if (version !== undefined && version.toLowerCase() !== 'v2') return 'version';
  return req.header('x-hubspot-signature') ? null : 'missing';
}

/** Verifies the request's signature over its raw body: v3 when the route takes only v3 or HubSpot sent one, else v2. */
export function requestSignatureFailure(secret: string, req: SignedHttpRequest, body: Buffer, scheme: SignatureScheme, nowMs: number): RequestSignatureFailure | null {
  const early = signatureHeaderFailure(req, scheme, nowMs);
  if (early) return early;
  if (usesV3(req, scheme)) {
    const signature = req.header('x-hubspot-signature-v3');
    return verifyV3(secret, { method: req.method, url: req.url, body, signature, timestamp: req.header('x-hubspot-request-timestamp') }, nowMs);
  }
  return verifyV2(secret, { method: req.method, url: req.url, body, signature: req.header('x-hubspot-signature') }) ? null : 'mismatch';
}

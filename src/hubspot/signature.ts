import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot refuses to honour requests older than this; we refuse them in both clock directions. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export type SignatureFailure = 'missing' | 'stale' | 'bad-timestamp' | 'mismatch';

export interface SignedRequest {
  method: string;
  /** The full public URL HubSpot called (scheme, host, path, query), never rebuilt from the Host header. */
  url: string;
  body: Buffer | string;
  signature: string | undefined;
  timestamp: string | undefined;
}

// HubSpot's v3 algorithm decodes exactly these percent-encodings in the URI before signing.
const DECODED: Record<string, string> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$',
  '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};

export function normalizeSignedUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()] ?? m);
}

/** The v3 signature: base64 HMAC-SHA256 of method + URI + body + timestamp, keyed by the app's client secret. */
export function signV3(secret: string, method: string, url: string, body: Buffer | string, timestamp: string): string {
  return createHmac('sha256', secret)
    .update(method.toUpperCase())
    .update(normalizeSignedUri(url))
    .update(body)
    .update(timestamp)
    .digest('base64');
}

/** What the v3 headers alone refuse, before the body is read: a missing header, or a timestamp that is not fresh. */
export function v3HeaderFailure(signature: string | undefined, timestamp: string | undefined, nowMs: number): SignatureFailure | null {
  if (!signature || !timestamp) return 'missing';
  if (!/^\d{1,15}$/.test(timestamp)) return 'bad-timestamp';
  if (Math.abs(nowMs - Number(timestamp)) > MAX_SKEW_MS) return 'stale';
  return null;
}

/** Checks a v3-signed request: freshness first, then the HMAC in constant time. */
export function verifyV3(secret: string, req: SignedRequest, nowMs: number): SignatureFailure | null {
  const early = v3HeaderFailure(req.signature, req.timestamp, nowMs);
  if (early) return early;
  const expected = Buffer.from(signV3(secret, req.method, req.url, req.body, req.timestamp!), 'base64');
  const given = Buffer.from(req.signature!, 'base64');
  if (given.length !== expected.length) return 'mismatch';
  return timingSafeEqual(given, expected) ? null : 'mismatch';
}

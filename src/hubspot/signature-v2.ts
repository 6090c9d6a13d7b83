import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * HubSpot's v2 request signature, which custom workflow actions carry in X-HubSpot-Signature
 * (X-HubSpot-Signature-Version: v2): hex SHA-256 of client secret + method + URI + body, the URI exactly as
 * HubSpot called it. Source: https://developers.hubspot.com/docs/faq/v2-request-validation (HUBSPOT-FACTS §3.2).
 * It has no timestamp, so a captured request can be sent again: what it does must be keyed by its callbackId.
 */
export function signV2(secret: string, method: string, url: string, body: Buffer | string): string {
  return createHash('sha256').update(secret).update(method.toUpperCase()).update(url).update(body).digest('hex');
}

/** True when `signature` is the v2 signature of this request; compared in constant time. */
export function verifyV2(secret: string, req: { method: string; url: string; body: Buffer | string; signature: string | undefined }): boolean {
  if (!req.signature || !/^[0-9a-fA-F]{64}$/.test(req.signature)) return false;
  const expected = Buffer.from(signV2(secret, req.method, req.url, req.body), 'hex');
  return timingSafeEqual(Buffer.from(req.signature, 'hex'), expected);
}

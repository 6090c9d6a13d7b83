import { createHash } from 'node:crypto';

/**
 * What a request asked for, as a short hash: the same content gives the same fingerprint whatever the order of
 * its keys. An idempotency key (a card's requestId, a workflow's callbackId) stored with it tells a retry of the
 * same request from a different request reusing the key (Stripe's contract: the second is refused, 409).
 */
export function fingerprintOf(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

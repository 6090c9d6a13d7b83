import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { normalizeSignedUri, signV3, verifyV3 } from '../../src/hubspot/signature.js';

const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const url = 'https://www.example.com/webhook_uri';
const body = '{"example_field":"example_value"}';
const timestamp = '1693657560000';

describe('v3 signatures', () => {
  it('matches the signature HubSpot\'s own client library computes', () => {
    const theirs = Signature.getSignature('POST', 'v3', { signature: '', clientSecret: secret, requestBody: body, url, timestamp: Number(timestamp) });
    expect(signV3(secret, 'POST', url, body, timestamp)).toBe(theirs);
  });

  it('accepts a fresh, correctly signed request', () => {
    const signature = signV3(secret, 'POST', url, body, timestamp);
    expect(verifyV3(secret, { method: 'POST', url, body, signature, timestamp }, Number(timestamp) + 1000)).toBeNull();
  });

  it('decodes only the characters HubSpot decodes before signing', () => {
    expect(normalizeSignedUri('https://x.io/a%3Ab%2Fc?q=%40me%20you%2a')).toBe('https://x.io/a:b/c?q=@me%20you*');
  });

  it.each([
    ['no signature', { signature: undefined }, 'missing'],
    ['no timestamp', { timestamp: undefined }, 'missing'],
    ['a timestamp that is not a number', { timestamp: 'yesterday' }, 'bad-timestamp'],
    ['a signature of another body', { body: '{"example_field":"changed"}' }, 'mismatch'],
    ['garbage for a signature', { signature: '!!!' }, 'mismatch'],
  ])('refuses %s', (_case, change, failure) => {
    const signature = signV3(secret, 'POST', url, body, timestamp);
    const request = { method: 'POST', url, body, signature, timestamp, ...change };
    expect(verifyV3(secret, request, Number(timestamp))).toBe(failure);
  });

  it('refuses timestamps more than 5 minutes old or ahead, and accepts just inside', () => {
    const signature = signV3(secret, 'POST', url, body, timestamp);
    const request = { method: 'POST', url, body, signature, timestamp };
    const t = Number(timestamp);
    expect(verifyV3(secret, request, t + 6 * 60_000)).toBe('stale');
    expect(verifyV3(secret, request, t - 6 * 60_000)).toBe('stale');
    expect(verifyV3(secret, request, t + 4 * 60_000)).toBeNull();
  });
});

import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { signV2, verifyV2 } from '../../src/hubspot/signature-v2.js';

// HubSpot's published v2 examples (https://developers.hubspot.com/docs/faq/v2-request-validation).
const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const url = 'https://www.example.com/webhook_uri';
const body = '{"example_field":"example_value"}';
const GET_HASH = 'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e';
const POST_HASH = '9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900';

describe('v2 signatures (custom workflow actions)', () => {
  it('reproduces HubSpot\'s GET and POST examples', () => {
    expect(signV2(secret, 'GET', url, '')).toBe(GET_HASH);
    expect(signV2(secret, 'POST', url, body)).toBe(POST_HASH);
  });

  it('matches what HubSpot\'s own client library computes', () => {
    const theirs = Signature.getSignature('POST', 'v2', { signature: '', clientSecret: secret, requestBody: body, url });
    expect(theirs).toBe(POST_HASH);
    expect(signV2(secret, 'POST', url, Buffer.from(body))).toBe(theirs);
  });

  it('accepts the example signatures, in either case of hex', () => {
    expect(verifyV2(secret, { method: 'POST', url, body, signature: POST_HASH })).toBe(true);
    expect(verifyV2(secret, { method: 'GET', url, body: '', signature: GET_HASH.toUpperCase() })).toBe(true);
  });

  it.each([
    ['no signature', { signature: undefined }],
    ['a signature that is not 64 hex digits', { signature: 'abc' }],
    ['the GET signature on the POST', { signature: GET_HASH }],
    ['another body', { body: '{"example_field":"changed"}' }],
    ['another URL', { url: 'https://www.example.com/webhook_uri?x=1' }],
    ['another secret', { secret: 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' }],
  ])('refuses %s', (_case, change: Record<string, string | undefined>) => {
    const request = { method: 'POST', url, body, signature: POST_HASH, ...change };
    expect(verifyV2(change.secret ?? secret, request)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { findUnstorableText, isPlainIdentifier, normalizeText, unstorableText } from '../../src/domain/input-text.js';

describe('text from outside', () => {
  it('names what PostgreSQL cannot store: a NUL, a lone surrogate; a well-formed pair is fine', () => {
    expect(unstorableText('ok 🚀 Zoë')).toBeNull();
    expect(unstorableText('a\u0000b')).toBe('contains a NUL character');
    expect(unstorableText('a\ud800')).toBe('contains a lone surrogate (broken UTF-16)');
    expect(unstorableText('\udc00a')).toBe('contains a lone surrogate (broken UTF-16)');
  });

  it('finds the first such string in a JSON value, by its path, keys included', () => {
    expect(findUnstorableText({ inputFields: { phase: 'affirm', reason: 'x\u0000' } })).toEqual({ path: 'inputFields.reason', problem: 'contains a NUL character' });
    expect(findUnstorableText({ list: ['fine', { ['k\ud800']: 1 }] })).toEqual({ path: 'list.1.(a key)', problem: expect.stringContaining('lone surrogate') });
    expect(findUnstorableText({ a: 1, b: [true, null, 'fine'] })).toBeNull();
  });

  it('stores free text composed (NFC) and without byte-order marks', () => {
    expect(normalizeText('Citta\u0300 \uFEFFnuova')).toBe('Città nuova');
  });

  it('takes an identifier only as HubSpot writes one: no invisible characters, no blanks around it', () => {
    for (const id of ['closedwon', '123456789', 'a1b2-c3d4_e5.f6', 'qualifiedtobuy']) expect(isPlainIdentifier(id)).toBe(true);
    for (const id of ['', '\uFEFFclosedwon', 'closed\u200Bwon', ' closedwon', 'closedwon\n', 'closed\u0000won', 'x\ud800', 'x'.repeat(256)]) {
      expect(isPlainIdentifier(id)).toBe(false);
    }
  });
});

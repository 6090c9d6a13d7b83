import { describe, expect, it } from 'vitest';
import { CLIENT_WORDS, LINK_WORDS } from '../../src/server/client-page/words.js';
import { readableOn } from '../../src/server/client-page/layout.js';

const italian = [...Object.values(CLIENT_WORDS), ...Object.values(LINK_WORDS)].flatMap((w) => {
  const it_ = (w as { it: unknown }).it;
  return typeof it_ === 'string' ? [it_] : Object.values(it_ as Record<string, string>);
});
// Second-person singular and courtesy forms a client page must not use: it speaks to the client's company (voi).
const TU_OR_LEI = /(?<!\p{L})(tu|ti|tuo|tua|tuoi|tue|hai|puoi|vuoi|devi|Lei|Suo|Sua)(?!\p{L})/u;

describe('the client page words', () => {
  it('exist in both languages, and Italian addresses the client as voi', () => {
    expect(italian.length).toBeGreaterThan(40);
    for (const text of italian) expect(text, text).not.toMatch(TU_OR_LEI);
    expect(italian.some((t) => /\b(vostr[oaie]|avete|potete|chiedete)\b/.test(t))).toBe(true);
  });

  it('writes on the brand colour in whichever of black and white reads better', () => {
    expect(readableOn('#1f6feb')).toBe('#ffffff');
    expect(readableOn('#ffd60a')).toBe('#000000');
    expect(readableOn('#000000')).toBe('#ffffff');
  });
});

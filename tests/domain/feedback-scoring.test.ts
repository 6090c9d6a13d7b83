import { describe, expect, it } from 'vitest';
import { companyHealth, dealHealth } from '../../src/domain/client-health.js';
import { isPromoter, isValidScore, toneOf } from '../../src/domain/feedback-scoring.js';

describe('feedback scores', () => {
  it('accepts only whole scores on each scale', () => {
    expect([isValidScore('NPS', 0), isValidScore('NPS', 10), isValidScore('NPS', 11), isValidScore('NPS', 7.5)]).toEqual([true, true, false, false]);
    expect([isValidScore('CSAT', 0), isValidScore('CSAT', 1), isValidScore('CSAT', 5), isValidScore('CSAT', 6)]).toEqual([false, true, true, false]);
    expect([isValidScore('CES', 1), isValidScore('CES', 7), isValidScore('CES', 8)]).toEqual([true, true, false]);
  });

  it('reads detractors at NPS ≤ 6, CSAT ≤ 2 and CES ≥ 5', () => {
    expect([6, 7, 8, 9].map((score) => toneOf({ kind: 'NPS', score }))).toEqual(['detractor', 'neutral', 'neutral', 'positive']);
    expect([2, 3, 4].map((score) => toneOf({ kind: 'CSAT', score }))).toEqual(['detractor', 'neutral', 'positive']);
    expect([2, 3, 4, 5].map((score) => toneOf({ kind: 'CES', score }))).toEqual(['positive', 'neutral', 'neutral', 'detractor']);
  });

  it('makes promoters only of Net Promoter answers of 9 and 10', () => {
    expect(isPromoter({ kind: 'NPS', score: 9 })).toBe(true);
    expect(isPromoter({ kind: 'NPS', score: 8 })).toBe(false);
    expect(isPromoter({ kind: 'CSAT', score: 5 })).toBe(false);
  });
});

describe('client health', () => {
  it('puts a detractor above silence and silence above a lukewarm answer', () => {
    expect(dealHealth({ lastTone: 'detractor', silentSince: 1 })).toBe('at_risk');
    expect(dealHealth({ lastTone: 'neutral', silentSince: 1 })).toBe('silent');
    expect(dealHealth({ lastTone: 'neutral', silentSince: null })).toBe('needs_attention');
    expect(dealHealth({ lastTone: 'positive', silentSince: null })).toBe('on_track');
    expect(dealHealth({ lastTone: null, silentSince: null })).toBe('on_track');
  });

  it('gives a company the health of its least healthy deal', () => {
    expect(companyHealth([])).toBeNull();
    expect(companyHealth(['on_track', 'silent', 'needs_attention'])).toBe('silent');
    expect(companyHealth(['on_track', 'at_risk', 'silent'])).toBe('at_risk');
  });
});

import { describe, expect, it } from 'vitest';
import { companySegment } from '../../src/domain/client-segment.js';

const quiet = { lastTone: null, silentSince: null } as const;
const happy = { lastTone: 'positive', silentSince: null } as const;
const lukewarm = { lastTone: 'neutral', silentSince: null } as const;
const unhappy = { lastTone: 'detractor', silentSince: null } as const;
const silent = { lastTone: 'positive', silentSince: 1_700_000_000_000 } as const;

describe('client segments, as the customer-care seed means them', () => {
  it('a client who bought once is occasional, however good the first answers are', () => {
    expect(companySegment({ wonDeals: 1, deals: [happy] })).toBe('occasional');
    expect(companySegment({ wonDeals: 1, deals: [quiet] })).toBe('occasional');
    expect(companySegment({ wonDeals: 0, deals: [] })).toBe('occasional');
  });

  it('loyal: bought again and speaks well of us (every latest answer positive)', () => {
    expect(companySegment({ wonDeals: 2, deals: [happy] })).toBe('loyal');
    expect(companySegment({ wonDeals: 3, deals: [happy, quiet] })).toBe('loyal');
  });

  it('a repeat buyer without a good word yet, or with a lukewarm one, stays occasional', () => {
    expect(companySegment({ wonDeals: 2, deals: [quiet] })).toBe('occasional');
    expect(companySegment({ wonDeals: 4, deals: [happy, lukewarm] })).toBe('occasional');
  });

  it('at risk: dissatisfied or gone silent, whatever they bought before', () => {
    expect(companySegment({ wonDeals: 5, deals: [happy, unhappy] })).toBe('at_risk');
    expect(companySegment({ wonDeals: 5, deals: [silent] })).toBe('at_risk');
    expect(companySegment({ wonDeals: 1, deals: [unhappy] })).toBe('at_risk');
  });
});

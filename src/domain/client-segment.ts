import type { HealthSignals } from './client-health.js';
import type { Segment } from './status-labels.js';

/** What a company's segment is read from: its purchases and what its deals in onboarding say. */
export interface SegmentFacts {
  /** The company's won deals first100 knows of (reached a won stage and not lost since), this onboarding included. */
  wonDeals: number;
  /** The latest answer's tone and the silence of each of its deals in onboarding. */
  deals: HealthSignals[];
}

/**
 * Loyal, occasional or at risk, as the customer-care seed means them:
 * - at risk: dissatisfied (the latest answer on a deal is a detractor's) or gone silent, so they may leave and talk;
 * - loyal: they bought again (two won deals or more) and speak well of us (their latest answers are all positive);
 * - occasional: everyone else, above all a client who bought once, however well the first weeks went.
 * A two-week-old client with one good survey is not loyal yet: loyalty is a second purchase, not a first smile.
 */
export function companySegment({ wonDeals, deals }: SegmentFacts): Segment {
  if (deals.some((d) => d.lastTone === 'detractor' || d.silentSince !== null)) return 'at_risk';
  const answered = deals.filter((d) => d.lastTone !== null);
  const speaksWell = answered.length > 0 && answered.every((d) => d.lastTone === 'positive');
  return wonDeals >= 2 && speaksWell ? 'loyal' : 'occasional';
}

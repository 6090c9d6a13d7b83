import type { Labels } from './locale.js';

/** A deal's (or company's) onboarding health, as `first100_health` stores it. */
export const HEALTH = ['on_track', 'needs_attention', 'at_risk', 'silent', 'behind', 'stuck'] as const;
export type Health = (typeof HEALTH)[number];

/** A client company's segment, as `first100_segment` stores it (loyal, occasional, at risk). */
export const SEGMENTS = ['loyal', 'occasional', 'at_risk'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const HEALTH_LABELS: Labels<Health> = {
  on_track: { en: 'On track', it: 'In linea' },
  needs_attention: { en: 'Needs attention', it: 'Da seguire' },
  at_risk: { en: 'At risk', it: 'A rischio' },
  silent: { en: 'Silent', it: 'Silenzioso' },
  behind: { en: 'Behind', it: 'In ritardo' },
  stuck: { en: 'Stuck', it: 'Bloccato' },
};

export const SEGMENT_LABELS: Labels<Segment> = {
  loyal: { en: 'Loyal', it: 'Fedele' },
  occasional: { en: 'Occasional', it: 'Occasionale' },
  at_risk: { en: 'At risk', it: 'A rischio' },
};

export function isHealth(value: unknown): value is Health {
  return typeof value === 'string' && (HEALTH as readonly string[]).includes(value);
}

export function isSegment(value: unknown): value is Segment {
  return typeof value === 'string' && (SEGMENTS as readonly string[]).includes(value);
}

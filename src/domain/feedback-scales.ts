import { SURVEY_SCALES, type SurveyKind } from './feedback-scoring.js';
import type { Locale } from './phases.js';

/**
 * NPS 0–10, CSAT 1–5 and CES 1–7 are three scales: a score is never shown or stored without its scale, and an
 * average is only ever taken within one scale.
 */

/** The deal properties that hold the latest answer of each scale and its time, so a HubSpot report can average each. */
export const SCALE_PROPERTIES: Record<SurveyKind, { score: string; at: string }> = {
  NPS: { score: 'first100_last_nps', at: 'first100_last_nps_at' },
  CSAT: { score: 'first100_last_csat', at: 'first100_last_csat_at' },
  CES: { score: 'first100_last_ces', at: 'first100_last_ces_at' },
};

/** Which end of the scale is good: recommending and satisfaction high, effort low (as toneOf reads them). */
export const BETTER_END: Record<SurveyKind, 'higher' | 'lower'> = { NPS: 'higher', CSAT: 'higher', CES: 'lower' };

/** Said wherever a CES score is shown: a reader who knows NPS and CSAT would take a 7 for a good mark. */
const LOWER_IS_BETTER: Record<Locale, string> = { en: '1 = least effort', it: '1 = minimo impegno' };

/** The property values one answer writes: its own scale's score and time, the other scales untouched. */
export function scalePropertyValues(kind: SurveyKind, score: number, at: number): Record<string, string> {
  const names = SCALE_PROPERTIES[kind];
  return { [names.score]: String(score), [names.at]: new Date(at).toISOString() };
}

/** A score, or an average of scores, with one decimal at most, as the locale writes numbers (4.5, 4,5). */
export function formatPoints(value: number, locale: Locale): string {
  const rounded = Math.round(value * 10) / 10;
  return locale === 'it' ? String(rounded).replace('.', ',') : String(rounded);
}

/** "NPS 9/10", "CSAT 4,5/5", "CES 2/7 (1 = least effort)". */
export function scaledScore(kind: SurveyKind, score: number, locale: Locale): string {
  const text = `${kind} ${formatPoints(score, locale)}/${SURVEY_SCALES[kind].max}`;
  return BETTER_END[kind] === 'lower' ? `${text} (${LOWER_IS_BETTER[locale]})` : text;
}

/** "NPS 0–10", "CES 1–7 (1 = least effort)": the scale itself, for a heading or a form. */
export function scaleRange(kind: SurveyKind, locale: Locale): string {
  const { min, max } = SURVEY_SCALES[kind];
  const text = `${kind} ${min}–${max}`;
  return BETTER_END[kind] === 'lower' ? `${text} (${LOWER_IS_BETTER[locale]})` : text;
}


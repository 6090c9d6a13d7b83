import { formatPoints } from './feedback-scales.js';
import type { SurveyKind } from './feedback-scoring.js';
import type { Locale } from './phases.js';
import type { TouchpointComparison } from './touchpoint-views.js';

/**
 * The team's side of a touchpoint, in the team's words (cards only; a client never reads these). The team is asked
 * the client's own question about the client, so both answers sit on one scale and can be compared.
 */
const TEAM_QUESTION: Record<SurveyKind, Record<Locale, (touchpoint: string) => string>> = {
  NPS: {
    en: () => 'From where the team stands: how likely is this client to recommend us?',
    it: () => 'Secondo il team: con quale probabilità questo cliente ci consiglierebbe?',
  },
  CSAT: {
    en: (t) => `From where the team stands: how satisfied is the client with “${t}”?`,
    it: (t) => `Secondo il team: quanto è soddisfatto il cliente di “${t}”?`,
  },
  CES: {
    en: (t) => `From where the team stands: how much effort did “${t}” take on the client's side?`,
    it: (t) => `Secondo il team: quanto impegno ha richiesto al cliente “${t}”?`,
  },
};

export function teamQuestion(survey: SurveyKind, touchpoint: string, locale: Locale): string {
  return TEAM_QUESTION[survey][locale](touchpoint);
}

const points = (n: number, locale: Locale) => `${formatPoints(n, locale)} ${n === 1 ? (locale === 'it' ? 'punto' : 'point') : locale === 'it' ? 'punti' : 'points'}`;

/** How the two views differ, in words: who sees it better, by how much; "same view" when they agree. */
export function gapText(c: TouchpointComparison, locale: Locale): string | null {
  if (c.gap === null) return null;
  if (c.teamSeesBetter === null) return locale === 'it' ? 'Stessa valutazione' : 'Same view';
  const by = points(c.gap, locale);
  if (locale === 'it') return c.teamSeesBetter ? `Il team lo valuta ${by} meglio del cliente` : `Il cliente lo valuta ${by} meglio del team`;
  return c.teamSeesBetter ? `The team rates it ${by} better than the client` : `The client rates it ${by} better than the team`;
}

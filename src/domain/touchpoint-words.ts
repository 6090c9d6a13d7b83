import { formatPoints, scaledScore } from './feedback-scales.js';
import type { SurveyKind } from './feedback-scoring.js';
import type { Locale } from './phases.js';
import type { TouchpointComparison } from './touchpoint-views.js';
import { escapeHtml, userHtml } from './user-text.js';

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
  if (locale === 'it') return c.teamSeesBetter ? `Il team lo valuta meglio del cliente di ${by}` : `Il cliente lo valuta meglio del team di ${by}`;
  return c.teamSeesBetter ? `The team rates it ${by} better than the client` : `The client rates it ${by} better than the team`;
}

const NOTE_WORDS = {
  team: {
    en: (touchpoint: string, rater: string) => `Team's view of “${touchpoint}” by ${rater}`,
    it: (touchpoint: string, rater: string) => `Valutazione del team su “${touchpoint}” (${rater})`,
  },
  client: { en: "Client's view", it: 'Valutazione del cliente' },
  noAnswer: { en: 'no answer yet', it: 'nessuna risposta finora' },
  answers: { en: (n: number) => (n === 1 ? '1 answer' : `${n} answers`), it: (n: number) => (n === 1 ? '1 risposta' : `${n} risposte`) },
  teamMean: { en: 'Team average', it: 'Media del team' },
  flagged: { en: 'Gap of 2 points or more', it: 'Scarto di 2 punti o più' },
};

/**
 * The note a team rating puts on the deal's timeline (HTML for hs_note_body), so the team's view is in HubSpot too:
 * who rated what, the client's view beside it, and the gap. The touchpoint and the rater are outside text.
 */
export function teamRatingNote(c: TouchpointComparison, rating: { rater: string; score: number }, locale: Locale): string {
  const team = `<p><strong>${NOTE_WORDS.team[locale](userHtml(c.touchpoint), userHtml(rating.rater))}: ${escapeHtml(scaledScore(c.survey, rating.score, locale))}</strong></p>`;
  const mean = c.team && c.team.count > 1 ? `<p>${NOTE_WORDS.teamMean[locale]}: ${escapeHtml(scaledScore(c.survey, c.team.mean, locale))}</p>` : '';
  const client = c.client
    ? `${escapeHtml(scaledScore(c.survey, c.client.mean, locale))} (${NOTE_WORDS.answers[locale](c.client.count)})`
    : NOTE_WORDS.noAnswer[locale];
  const gap = gapText(c, locale);
  const gapLine = gap === null ? '' : `<p>${c.flagged ? `<strong>${NOTE_WORDS.flagged[locale]}.</strong> ` : ''}${escapeHtml(gap)}</p>`;
  return `${team}${mean}<p>${NOTE_WORDS.client[locale]}: ${client}</p>${gapLine}`;
}

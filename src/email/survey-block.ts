import type { SurveyKind } from '../domain/feedback-scoring.js';
import type { Locale } from '../domain/phases.js';
import { escapeHtml } from '../domain/user-text.js';
import type { Brand, SurveyLinks } from './template-types.js';

const QUESTION: Record<SurveyKind, Record<Locale, (touchpoint: string, brand: string) => string>> = {
  NPS: {
    en: (_t, brand) => `How likely are you to recommend ${brand} to a friend or colleague?`,
    it: (_t, brand) => `Quanto è probabile che consiglieresti ${brand} a un amico o a un collega?`,
  },
  CSAT: {
    en: (t) => `How satisfied are you with this moment: ${t}?`,
    it: (t) => `Quanto sei soddisfatto di questo momento: ${t}?`,
  },
  CES: {
    en: (t) => `How much effort did this take on your side: ${t}?`,
    it: (t) => `Quanto impegno ti ha richiesto: ${t}?`,
  },
};

const ENDS: Record<SurveyKind, Record<Locale, [string, string]>> = {
  NPS: { en: ['not at all likely', 'extremely likely'], it: ['per niente probabile', 'estremamente probabile'] },
  CSAT: { en: ['very unsatisfied', 'very satisfied'], it: ['per niente soddisfatto', 'molto soddisfatto'] },
  CES: { en: ['very little effort', 'a great deal of effort'], it: ['pochissimo impegno', 'moltissimo impegno'] },
};

const WORDS = {
  en: { pick: 'Pick a score: the survey page opens with it, and you confirm there, with a comment if you like.', open: 'Or open the survey' },
  it: { pick: 'Scegli un punteggio: si apre la pagina del sondaggio, dove confermi e, se vuoi, aggiungi un commento.', open: 'Oppure apri il sondaggio' },
};

export function surveyQuestion(survey: SurveyLinks, locale: Locale, brand: string): string {
  return QUESTION[survey.kind][locale](survey.touchpoint, brand);
}

export function surveyHtml(survey: SurveyLinks, locale: Locale, brand: Brand): string {
  const [low, high] = ENDS[survey.kind][locale];
  const cell = (s: { score: number; url: string }) =>
    `<td style="padding:2px"><a href="${escapeHtml(s.url)}" aria-label="${s.score}" style="display:inline-block;min-width:32px;padding:8px 0;border:1px solid ${brand.color};border-radius:4px;color:${brand.color};text-align:center;text-decoration:none;font-weight:bold">${s.score}</a></td>`;
  return [
    `<p style="margin:24px 0 8px;font-weight:bold">${escapeHtml(surveyQuestion(survey, locale, brand.name))}</p>`,
    `<p style="margin:0 0 8px;font-size:14px;color:#555">${escapeHtml(WORDS[locale].pick)}</p>`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tr>${survey.scores.map(cell).join('')}</tr></table>`,
    `<p style="margin:4px 0 0;font-size:12px;color:#555">${survey.scores[0]!.score} = ${escapeHtml(low)} · ${survey.scores.at(-1)!.score} = ${escapeHtml(high)}</p>`,
    `<p style="margin:12px 0 0"><a href="${escapeHtml(survey.url)}" style="color:${brand.color}">${escapeHtml(WORDS[locale].open)}</a></p>`,
  ].join('\n');
}

export function surveyText(survey: SurveyLinks, locale: Locale, brand: string): string {
  const [low, high] = ENDS[survey.kind][locale];
  return [
    surveyQuestion(survey, locale, brand),
    `${WORDS[locale].pick} (${survey.scores[0]!.score} = ${low}, ${survey.scores.at(-1)!.score} = ${high})`,
    ...survey.scores.map((s) => `  ${s.score}: ${s.url}`),
    `${WORDS[locale].open}: ${survey.url}`,
  ].join('\n');
}

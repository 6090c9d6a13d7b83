import type { Locale } from '../domain/phases.js';
import { scaleEnds, surveyQuestion } from '../domain/survey-questions.js';
import { escapeHtml } from '../domain/user-text.js';
import type { Brand, SurveyLinks } from './template-types.js';

const WORDS = {
  en: { pick: 'Pick a score: the survey page opens with it, and you confirm there, with a comment if you like.', open: 'Or open the survey' },
  it: { pick: 'Scegliete un punteggio: si apre la pagina del sondaggio, dove lo confermate e, se volete, aggiungete un commento.', open: 'Oppure aprite il sondaggio' },
};

function questionOf(survey: SurveyLinks, locale: Locale, brand: string): string {
  return surveyQuestion(survey.kind, locale, { touchpoint: survey.touchpoint, brand });
}

export function surveyHtml(survey: SurveyLinks, locale: Locale, brand: Brand): string {
  const { low, high } = scaleEnds(survey.kind, locale);
  const cell = (s: { score: number; url: string }) =>
    `<td style="padding:2px"><a href="${escapeHtml(s.url)}" aria-label="${s.score}" style="display:inline-block;min-width:32px;padding:8px 0;border:1px solid ${brand.color};border-radius:4px;color:${brand.color};text-align:center;text-decoration:none;font-weight:bold">${s.score}</a></td>`;
  return [
    `<p style="margin:24px 0 8px;font-weight:bold">${escapeHtml(questionOf(survey, locale, brand.name))}</p>`,
    `<p style="margin:0 0 8px;font-size:14px;color:#555">${escapeHtml(WORDS[locale].pick)}</p>`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tr>${survey.scores.map(cell).join('')}</tr></table>`,
    `<p style="margin:4px 0 0;font-size:12px;color:#555">${survey.scores[0]!.score} = ${escapeHtml(low)} · ${survey.scores.at(-1)!.score} = ${escapeHtml(high)}</p>`,
    `<p style="margin:12px 0 0"><a href="${escapeHtml(survey.url)}" style="color:${brand.color}">${escapeHtml(WORDS[locale].open)}</a></p>`,
  ].join('\n');
}

export function surveyText(survey: SurveyLinks, locale: Locale, brand: string): string {
  const { low, high } = scaleEnds(survey.kind, locale);
  return [
    questionOf(survey, locale, brand),
    `${WORDS[locale].pick} (${survey.scores[0]!.score} = ${low}, ${survey.scores.at(-1)!.score} = ${high})`,
    ...survey.scores.map((s) => `  ${s.score}: ${s.url}`),
    `${WORDS[locale].open}: ${survey.url}`,
  ].join('\n');
}

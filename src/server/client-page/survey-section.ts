import { MAX_COMMENT_CHARS } from '../../domain/feedback-effects.js';
import type { SurveyKind } from '../../domain/feedback-scoring.js';
import type { Locale } from '../../domain/phases.js';
import { surveyQuestion } from '../../domain/survey-questions.js';
import { escapeHtml } from '../../domain/user-text.js';
import { scaleFieldset } from '../feedback-page/scale-fieldset.js';
import { fill, WORDS } from '../feedback-page/words.js';
import type { FormTarget } from './progress-sections.js';

/** A survey the contact was sent and has not answered yet, as the page asks it. */
export interface OpenSurvey {
  requestId: string;
  survey: SurveyKind;
  /** The touchpoint as the playbook names it for the client (the email quotes the same words). */
  touchpoint: string;
  /** Who asks, as the emails name it; null when no mailer is configured. */
  brand: string | null;
}

/**
 * The open survey on the client's page: the same question, scale and words as the survey page the email links to,
 * in the page's language, without JavaScript. It posts under the page's own link with the page's token.
 */
export function surveyForm(s: OpenSurvey, locale: Locale, form: FormTarget): string {
  const question = surveyQuestion(s.survey, locale, { touchpoint: s.touchpoint, brand: s.brand });
  return (
    `<form method="post" action="${encodeURIComponent(form.token)}/survey/${encodeURIComponent(s.requestId)}" class="survey">` +
    `<input type="hidden" name="csrf" value="${form.csrf}"><input type="hidden" name="lang" value="${form.locale}">` +
    `<p class="hint">${WORDS.about[locale]}: ${escapeHtml(s.touchpoint)}</p>` +
    scaleFieldset({ survey: s.survey, locale, question, selected: null }) +
    `<label for="survey-comment">${WORDS.commentLabel[locale]}</label>` +
    `<p class="hint" id="survey-comment-hint">${fill(WORDS.commentHint[locale], { max: MAX_COMMENT_CHARS })}</p>` +
    `<textarea id="survey-comment" name="comment" maxlength="${MAX_COMMENT_CHARS}" aria-describedby="survey-comment-hint"></textarea>` +
    `<button type="submit">${WORDS.send[locale]}</button></form>`
  );
}

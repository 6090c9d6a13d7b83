import { MAX_COMMENT_CHARS } from '../../domain/feedback-effects.js';
import { SURVEY_SCALES, type SurveyKind } from '../../domain/feedback-scoring.js';
import type { Locale } from '../../domain/phases.js';
import { surveyQuestion } from '../../domain/survey-questions.js';
import { escapeHtml } from '../../domain/user-text.js';
import { page } from './layout.js';
import { scaleFieldset } from './scale-fieldset.js';
import { fill, WORDS } from './words.js';

export interface SurveyFormView {
  locale: Locale;
  /** The form posts back to the same link (relative, so it works behind any path prefix). */
  token: string;
  survey: SurveyKind;
  touchpoint: string;
  /** Who asks, as the emails name it (EMAIL_BRAND_NAME); null when no mailer is configured. */
  brand: string | null;
  selected: number | null;
  comment: string;
  /** A line above the form: the score kept from the email, or until when an answer can be changed. */
  notice?: string;
  error?: 'score' | 'comment' | 'characters';
}

/** The survey: the touchpoint, the score as radio buttons in a fieldset, the open question, one button. */
export function surveyForm(v: SurveyFormView): string {
  const { min, max } = SURVEY_SCALES[v.survey];
  const question = surveyQuestion(v.survey, v.locale, { touchpoint: v.touchpoint, brand: v.brand });
  const t = (text: Record<Locale, string>) => text[v.locale];
  const errorText =
    v.error === 'comment'
      ? fill(t(WORDS.commentTooLong), { max: MAX_COMMENT_CHARS })
      : v.error === 'characters'
        ? t(WORDS.commentUnreadable)
        : fill(t(WORDS.scoreMissing), { min, max });
  const commentInvalid = v.error === 'comment' || v.error === 'characters';
  const body =
    `<p class="about">${t(WORDS.about)}: ${escapeHtml(v.touchpoint)}</p>` +
    `<h1>${t(WORDS.title)}</h1>` +
    `<p class="intro">${t(WORDS.intro)}</p>` +
    (v.error ? `<p class="error" role="alert" id="form-error">${escapeHtml(errorText)}</p>` : '') +
    (v.notice ? `<p class="notice">${escapeHtml(v.notice)}</p>` : '') +
    `<form method="post" action="${encodeURIComponent(v.token)}">` +
    scaleFieldset({ survey: v.survey, locale: v.locale, question, selected: v.selected, invalid: v.error === 'score' }) +
    `<label class="q" for="comment">${t(WORDS.commentLabel)}</label>` +
    `<p class="hint" id="comment-hint">${fill(t(WORDS.commentHint), { max: MAX_COMMENT_CHARS })}</p>` +
    `<textarea id="comment" name="comment" rows="5" maxlength="${MAX_COMMENT_CHARS}" aria-describedby="comment-hint${commentInvalid ? ' form-error' : ''}"` +
    `${commentInvalid ? ' aria-invalid="true"' : ''}>${escapeHtml(v.comment)}</textarea>` +
    `<button type="submit">${t(WORDS.send)}</button>` +
    `</form>`;
  const title = v.error ? `${t(WORDS.error)}: ${t(WORDS.title)}` : t(WORDS.title);
  return page(v.locale, `${title} — ${v.touchpoint}`, body);
}

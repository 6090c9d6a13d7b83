import type { FeedbackOutcome } from '../../actions/record-feedback.js';
import { MAX_COMMENT_CHARS } from '../../domain/feedback-effects.js';
import { SURVEY_SCALES } from '../../domain/feedback-scoring.js';
import type { Locale } from '../../domain/phases.js';
import { formatWhen } from '../feedback-page/message-pages.js';
import { fill, WORDS } from '../feedback-page/words.js';
import { REFUSAL_CODES } from '../feedback-routes.js';
import { PageError } from '../page-error.js';
import { clientMessagePage, type Brand } from './page-html.js';
import { LINK_WORDS } from './words.js';

/**
 * Why a survey answer sent from the client's page was not recorded, as a page in the client's language with the
 * survey page's own words (same rule, same reasons), and a link back to the page.
 */
export function surveyRefusal(brand: Brand, locale: Locale, outcome: Exclude<FeedbackOutcome, { kind: 'recorded' }>, timezone: string, token: string): PageError {
  // The refusal answers a post to <token>/survey/<id>: back up to the page itself.
  const back = `<p><a href="../../${encodeURIComponent(token)}?lang=${locale}">${LINK_WORDS.back[locale]}</a></p>`;
  const page = (title: string, message: string) => clientMessagePage(brand, locale, title, message, back);
  const when = (at: number) => formatWhen(at, locale, timezone);
  switch (outcome.kind) {
    case 'unknown':
      return new PageError(404, 'SURVEY_UNKNOWN', 'this link has no such survey (another contact\'s or another deal\'s)', page(LINK_WORDS.formExpiredTitle[locale], LINK_WORDS.formExpired[locale]));
    case 'expired':
      return new PageError(410, 'SURVEY_LINK_EXPIRED', 'the survey has closed', page(WORDS.expiredTitle[locale], fill(WORDS.expired[locale], { date: when(outcome.request.expiresAt) })));
    case 'locked':
      return new PageError(409, 'SURVEY_ALREADY_ANSWERED', 'the survey was answered more than 24 hours ago and can no longer change', page(WORDS.lockedTitle[locale], fill(WORDS.locked[locale], { date: when(outcome.request.answer?.firstAnsweredAt ?? outcome.request.createdAt) })));
    case 'invalid': {
      const { min, max } = SURVEY_SCALES[outcome.request.survey];
      const message =
        outcome.problem === 'score'
          ? fill(WORDS.scoreMissing[locale], { min, max })
          : outcome.problem === 'comment'
            ? fill(WORDS.commentTooLong[locale], { max: MAX_COMMENT_CHARS })
            : WORDS.commentUnreadable[locale];
      return new PageError(400, REFUSAL_CODES[outcome.problem], `the survey answer was refused (${outcome.problem}); the page says what to fix`, page(LINK_WORDS.invalidTitle[locale], message));
    }
  }
}

import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { MAX_COMMENT_CHARS } from '../domain/feedback-effects.js';
import { isValidScore } from '../domain/feedback-scoring.js';
import { normalizeText } from '../domain/input-text.js';
import { toLocale } from '../domain/locale.js';
import type { Locale } from '../domain/phases.js';
import type { Engine } from '../jobs/engine.js';
import { answerableState, CHANGE_WINDOW_MS, recordFeedback, type FeedbackOutcome } from '../actions/record-feedback.js';
import { findFeedbackRequest, hashToken, type FeedbackRequest } from '../store/feedback-requests.js';
import { HttpError } from './http-error.js';
import { FEEDBACK_CSP } from './feedback-page/layout.js';
import { expiredPage, formatWhen, lockedPage, notFoundPage, thanksPage, tooManyPage, unavailablePage, unreadablePage } from './feedback-page/message-pages.js';
import { surveyForm } from './feedback-page/survey-form.js';
import { fill, WORDS } from './feedback-page/words.js';
import { PageError } from './page-error.js';
import { createRateLimiter, type RateLimit } from './rate-limit.js';

export interface FeedbackRouteDeps {
  engine: Engine;
  log: Logger;
  clock: () => number;
  /** An answer stored durable steps: wake the worker. */
  onStored: () => void;
}

/** Per client address, and per link (so one leaked link cannot be hammered from many addresses). */
export const FEEDBACK_LIMITS: { perIp: RateLimit; perToken: RateLimit } = {
  perIp: { limit: 60, windowMs: 60_000 },
  perToken: { limit: 20, windowMs: 10 * 60_000 },
};

/** A percent-encoded comment of 2,000 characters takes at most ~18 kB; anything much larger is not our form. */
const MAX_FORM_BYTES = 32 * 1024;

/** `GET /feedback/:token` shows the survey (recording nothing: mail scanners follow links); `POST` records the answer. */
export function feedbackRouter(deps: FeedbackRouteDeps): Router {
  const router = Router();
  const { engine } = deps;
  const timezone = engine.calendar.timezone;
  const perIp = createRateLimiter(FEEDBACK_LIMITS.perIp, deps.clock);
  const perToken = createRateLimiter(FEEDBACK_LIMITS.perToken, deps.clock);
  const when = (at: number, locale: Locale) => formatWhen(at, locale, timezone);
  // Read per request, as the unsubscribe page does: the embedded demo attaches its mailer after the app is built.
  const brandName = () => engine.mail?.brand.name ?? null;

  router.use('/feedback', (req, res, next) => {
    res.set({
      'Content-Security-Policy': FEEDBACK_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer', // the token is in the URL
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
    });
    const token = tokenOf(req);
    const refused = [perIp.take(`ip:${req.ip ?? 'unknown'}`), perToken.take(`token:${hashToken(token).slice(0, 32)}`)].find((r) => !r.allowed);
    if (refused && !refused.allowed) {
      res.set('Retry-After', String(Math.ceil(refused.retryAfterMs / 1000)));
      return next(new PageError(429, 'TOO_MANY_REQUESTS', 'too many survey requests from this address or for this link; wait and retry', tooManyPage(acceptedLocale(req))));
    }
    next();
  });

  router.get('/feedback/:token', async (req, res) => {
    const request = await guard(acceptedLocale(req), () => findFeedbackRequest(engine.db, tokenOf(req)));
    const locale = request?.locale ?? acceptedLocale(req);
    if (!request) throw notFound(locale);
    const now = deps.clock();
    const state = answerableState(request, now);
    if (state === 'expired') throw expired(request, when);
    if (state === 'locked') throw locked(request, when);
    const clicked = scoreParam(req.query.score);
    const fromEmail = clicked !== null && isValidScore(request.survey, clicked) ? clicked : null;
    const notice = fromEmail !== null
      ? WORDS.prefilled[locale]
      : request.answer
        ? fill(WORDS.changeUntil[locale], { date: when(request.answer.answeredAt, locale), until: when(request.answer.firstAnsweredAt + CHANGE_WINDOW_MS, locale) })
        : undefined;
    res.type('html').send(
      surveyForm({
        locale,
        token: tokenOf(req),
        survey: request.survey,
        touchpoint: request.touchpoint,
        brand: brandName(),
        selected: fromEmail ?? request.answer?.score ?? null,
        comment: request.answer?.comment ?? '',
        ...(notice ? { notice } : {}),
      }),
    );
  });

  router.post('/feedback/:token', readForm, async (req, res) => {
    const token = tokenOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const comment = typeof body.comment === 'string' && body.comment.trim() !== '' ? normalizeText(body.comment.trim().replace(/\r\n/g, '\n')) : null;
    const outcome = await guard(acceptedLocale(req), () => recordFeedback(engine, { token, score: scoreParam(body.score), comment }));
    logOutcome(deps.log, token, outcome);
    if (outcome.kind === 'unknown') throw notFound(acceptedLocale(req));
    const { request } = outcome;
    if (outcome.kind === 'expired') throw expired(request, when);
    if (outcome.kind === 'locked') throw locked(request, when);
    if (outcome.kind === 'invalid') {
      const selected = scoreParam(body.score);
      const html = surveyForm({
        locale: request.locale,
        token,
        survey: request.survey,
        touchpoint: request.touchpoint,
        brand: brandName(),
        selected: selected !== null && isValidScore(request.survey, selected) ? selected : null,
        comment: comment ?? '',
        error: outcome.problem,
      });
      throw new PageError(400, REFUSAL_CODES[outcome.problem], `the survey answer was refused (${outcome.problem}); the page says what to fix`, html);
    }
    if (outcome.stored) deps.onStored();
    const until = outcome.firstAnsweredAt + CHANGE_WINDOW_MS;
    res.type('html').send(thanksPage(request.locale, token, until > deps.clock() ? when(until, request.locale) : null));
  });
  return router;
}

const formParser = express.urlencoded({ extended: false, limit: MAX_FORM_BYTES, parameterLimit: 10 });

/** Parses the form; a body too large or unreadable gets a page that says what to do, not JSON. */
function readForm(req: Request, res: Response, next: NextFunction): void {
  formParser(req, res, (error?: unknown) => {
    if (!error) return next();
    const status = (error as { status?: number }).status ?? 400;
    const locale = acceptedLocale(req);
    next(new PageError(status === 413 ? 413 : 400, 'FORM_UNREADABLE', 'the survey form could not be read; send it from the page', unreadablePage(locale, MAX_COMMENT_CHARS)));
  });
}

function tokenOf(req: Request): string {
  return String(req.params.token ?? req.path.split('/')[1] ?? '');
}

export const REFUSAL_CODES = { score: 'SCORE_INVALID', comment: 'COMMENT_TOO_LONG', characters: 'COMMENT_UNREADABLE' } as const;

/** A score as the form and the email's links write it: "0" to "10", never "03" or "+3". */
export function scoreParam(raw: unknown): number | null {
  return typeof raw === 'string' && /^(0|[1-9]\d?)$/.test(raw) ? Number(raw) : null;
}

/** Before we know whose link it is, speak the browser's language. */
function acceptedLocale(req: Request): Locale {
  return toLocale(req.get('accept-language')?.split(',')[0]);
}

const notFound = (locale: Locale) =>
  new PageError(404, 'SURVEY_LINK_UNKNOWN', 'no survey has this link; the client should reply to the email', notFoundPage(locale));

const expired = (r: FeedbackRequest, when: (at: number, l: Locale) => string) =>
  new PageError(410, 'SURVEY_LINK_EXPIRED', 'the survey link has expired', expiredPage(r.locale, when(r.expiresAt, r.locale)));

const locked = (r: FeedbackRequest, when: (at: number, l: Locale) => string) =>
  new PageError(409, 'SURVEY_ALREADY_ANSWERED', 'the survey was answered more than 24 hours ago and can no longer change', lockedPage(r.locale, when(r.answer!.firstAnsweredAt, r.locale)));

/** The database failing under a client: a page that says to retry, and the cause in the log. */
async function guard<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new PageError(503, 'SURVEY_UNAVAILABLE', `the survey could not be read or saved (${(error as Error).message}); check the database`, unavailablePage(locale));
  }
}

function logOutcome(log: Logger, token: string, outcome: FeedbackOutcome): void {
  const entry: Record<string, unknown> = { ref: hashToken(token).slice(0, 12), outcome: outcome.kind };
  if (outcome.kind === 'recorded') Object.assign(entry, { requestId: outcome.request.id, dealId: outcome.request.dealId, revision: outcome.revision });
  log.info(entry, 'survey answer');
}

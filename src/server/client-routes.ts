import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { recordClientComment, recordClientTask, type ClientActionOutcome } from '../actions/record-client-task.js';
import { recordClientPageVisit } from '../actions/record-client-visit.js';
import { recordClientSurvey } from '../actions/record-client-survey.js';
import { requestClientLink } from '../actions/request-client-link.js';
import { clientPageView } from '../domain/client-page-view.js';
import { MAX_COMMENT_CHARS } from '../domain/feedback-effects.js';
import { normalizeText } from '../domain/input-text.js';
import { toLocale } from '../domain/locale.js';
import type { Locale } from '../domain/phases.js';
import type { Engine } from '../jobs/engine.js';
import { readClientPage } from '../store/client-page-reads.js';
import { findClientLink, type ClientLink } from '../store/client-links.js';
import { findOpenFeedbackRequest, hashToken } from '../store/feedback-requests.js';
import { takeSharedRates, type RateCount, type RateLimit } from '../store/shared-rate-limit.js';
import { formToken, isFormToken } from './client-page/csrf.js';
import { readClientTeam } from './client-page/client-team.js';
import { clientPageStyle } from './client-page/layout.js';
import { clientMessagePage, clientPageHtml, resendForm, type Brand } from './client-page/page-html.js';
import { CLIENT_WORDS, LINK_WORDS } from './client-page/words.js';
import { surveyRefusal } from './client-page/survey-refusal.js';
import { fill, WORDS as FEEDBACK_WORDS } from './feedback-page/words.js';
import { scoreParam } from './feedback-routes.js';
import { HttpError } from './http-error.js';
import { PageError } from './page-error.js';

export interface ClientRouteDeps {
  engine: Engine;
  log: Logger;
  clock: () => number;
  /** A client action stored durable steps: wake the worker. */
  onStored: () => void;
}

/** Per client address and per link, counted in the database so that every replica enforces the same limit. */
export const CLIENT_PAGE_LIMITS: { perIp: RateLimit; perToken: RateLimit; resendPerIp: RateLimit } = {
  perIp: { limit: 120, windowMs: 60_000 },
  perToken: { limit: 60, windowMs: 10 * 60_000 },
  // Each request for a new link may send an email: few per address an hour.
  resendPerIp: { limit: 5, windowMs: 3600_000 },
};

const DEFAULT_BRAND: Brand = { name: 'first100', color: '#1f6feb' };
const MAX_FORM_BYTES = 32 * 1024;

/** `GET /c/:token` shows the client's page and records nothing; the page's forms `POST` under the same link. */
export function clientPageRouter(deps: ClientRouteDeps): Router {
  const router = Router();
  const { engine } = deps;
  // Read per request: the embedded demo attaches its mailer after the app is built.
  const brand = (): Brand => engine.mail?.brand ?? DEFAULT_BRAND;

  router.use('/c', async (req, res, next) => {
    res.set({
      'Content-Security-Policy': clientPageStyle(brand().color).csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer', // the token is in the URL
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
    });
    const locale = requestedLocale(req) ?? acceptedLocale(req);
    const token = tokenOf(req);
    const counts: RateCount[] = [
      { key: `client-ip:${req.ip ?? 'unknown'}`, limit: CLIENT_PAGE_LIMITS.perIp },
      { key: `client-link:${hashToken(token).slice(0, 32)}`, limit: CLIENT_PAGE_LIMITS.perToken },
    ];
    if (req.method === 'POST' && req.path.endsWith('/resend')) counts.push({ key: `client-resend-ip:${req.ip ?? 'unknown'}`, limit: CLIENT_PAGE_LIMITS.resendPerIp });
    const refused = await guard(brand(), locale, () => takeSharedRates(engine.db, counts, deps.clock()));
    if (!refused.allowed) {
      res.set('Retry-After', String(Math.ceil(refused.retryAfterMs / 1000)));
      return next(new PageError(429, 'TOO_MANY_REQUESTS', 'too many client page requests from this address or for this link; wait and retry', clientMessagePage(brand(), locale, LINK_WORDS.tooManyTitle[locale], LINK_WORDS.tooMany[locale])));
    }
    next();
  });

  // Answers alike whether the link or the address is known: the page must not tell anyone which addresses we write to.
  router.post('/c/:token/resend', readForm, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const locale = toLocale(typeof body.lang === 'string' ? body.lang : acceptedLocale(req));
    const address = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
    await guard(brand(), locale, () => requestClientLink(engine, tokenOf(req), address));
    deps.log.info({ ref: hashToken(tokenOf(req)).slice(0, 12) }, 'client page link asked for again');
    deps.onStored();
    res.type('html').send(clientMessagePage(brand(), locale, LINK_WORDS.resendTitle[locale], LINK_WORDS.resendDone[locale]));
  });

  /** The link's record when it opens the page; otherwise the page that says why, with the form for a new link. */
  async function openLink(req: Request): Promise<ClientLink> {
    const token = tokenOf(req);
    const found = await guard(brand(), acceptedLocale(req), () => findClientLink(engine.db, token, deps.clock()));
    if (found.kind === 'valid') return found.link;
    const locale = requestedLocale(req) ?? (found.kind === 'unknown' ? acceptedLocale(req) : found.link.locale);
    const [status, code, title, message] =
      found.kind === 'unknown'
        ? ([404, 'CLIENT_LINK_UNKNOWN', LINK_WORDS.unknownTitle, LINK_WORDS.unknown] as const)
        : found.kind === 'expired'
          ? ([410, 'CLIENT_LINK_EXPIRED', LINK_WORDS.expiredTitle, LINK_WORDS.expired] as const)
          : ([410, 'CLIENT_LINK_REVOKED', LINK_WORDS.revokedTitle, LINK_WORDS.revoked] as const);
    throw new PageError(status, code, `the client page link is ${found.kind}; the page offers a new link by email`, clientMessagePage(brand(), locale, title[locale], message[locale], resendForm(locale, token)));
  }

  router.get('/c/:token', async (req, res) => {
    const link = await openLink(req);
    const locale = requestedLocale(req) ?? link.locale;
    const data = await guard(brand(), locale, () => readClientPage(engine.db, link.dealId));
    const open = await guard(brand(), locale, () => findOpenFeedbackRequest(engine.db, link.dealId, link.contactId, deps.clock()));
    const view = clientPageView(data, engine.playbook, engine.calendar, locale, deps.clock());
    const team = await guard(brand(), locale, () => readClientTeam(engine.db, data, engine.playbook.team));
    const sent = req.query.sent;
    res.type('html').send(
      clientPageHtml({
        locale,
        brand: brand(),
        timezone: engine.calendar.timezone,
        companyName: data.companyName ?? data.dealName ?? '',
        view,
        team,
        shared: data.shared,
        form: { token: tokenOf(req), csrf: formToken(tokenOf(req)), locale },
        maxComment: MAX_COMMENT_CHARS,
        survey: open && { requestId: open.id, survey: open.survey, touchpoint: open.touchpoint, brand: engine.mail?.brand.name ?? null },
        ...(sent === 'task' || sent === 'comment' ? { notice: CLIENT_WORDS.saved[locale] } : {}),
        ...(sent === 'survey' ? { notice: `${FEEDBACK_WORDS.thanksTitle[locale]} ${FEEDBACK_WORDS.thanks[locale]}` } : {}),
      }),
    );
  });

  /** Every form of the page: the link must open, and the form must carry the page's token. */
  async function formLink(req: Request): Promise<{ link: ClientLink; locale: Locale; comment: string | null }> {
    const link = await openLink(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const locale = toLocale(typeof body.lang === 'string' ? body.lang : link.locale);
    if (!isFormToken(tokenOf(req), body.csrf)) {
      throw new PageError(403, 'FORM_TOKEN_INVALID', 'a client page form came without the page token; it was not recorded', clientMessagePage(brand(), locale, LINK_WORDS.formExpiredTitle[locale], LINK_WORDS.formExpired[locale]));
    }
    const comment = typeof body.comment === 'string' && body.comment.trim() !== '' ? normalizeText(body.comment.trim().replace(/\r\n/g, '\n')) : null;
    return { link, locale, comment };
  }

  function answer(res: Response, req: Request, outcome: ClientActionOutcome, locale: Locale, back: string, sent: string): void {
    deps.log.info({ ref: hashToken(tokenOf(req)).slice(0, 12), outcome: outcome.kind, ...(outcome.kind === 'recorded' ? { stored: outcome.stored } : {}) }, 'client page action');
    if (outcome.kind === 'unknown-task') {
      const html = clientMessagePage(brand(), locale, LINK_WORDS.formExpiredTitle[locale], LINK_WORDS.formExpired[locale]);
      throw new PageError(404, 'CLIENT_TASK_UNKNOWN', 'this deal has no such client task in its current phase (it may have moved on)', html);
    }
    if (outcome.kind === 'invalid') {
      const html = clientMessagePage(brand(), locale, LINK_WORDS.invalidTitle[locale], fill(LINK_WORDS.invalid[locale], { max: MAX_COMMENT_CHARS }));
      throw new PageError(400, 'CLIENT_FORM_INVALID', `the client page form was refused (${outcome.problem})`, html);
    }
    if (outcome.stored) deps.onStored();
    res.redirect(303, `${back}${encodeURIComponent(tokenOf(req))}?lang=${locale}&sent=${sent}`);
  }

  router.post('/c/:token/tasks/:taskId', readForm, async (req, res) => {
    const { link, locale, comment } = await formLink(req);
    const status = String((req.body as Record<string, unknown>).status ?? '');
    const outcome = await guard(brand(), locale, () => recordClientTask(engine, { link, taskId: String(req.params.taskId), status, comment }));
    answer(res, req, outcome, locale, '../../', 'task');
  });

  // The page's beacon (visit-script.ts): the page was shown to a person. 204, nothing to show; a GET records nothing.
  router.post('/c/:token/visit', readForm, async (req, res) => {
    const { link } = await formLink(req);
    const stored = await guard(brand(), link.locale, () => recordClientPageVisit(engine, link));
    deps.log.info({ ref: hashToken(tokenOf(req)).slice(0, 12), stored }, 'client page visit');
    if (stored) deps.onStored();
    res.status(204).end();
  });

  // The open survey answered on the page: the survey page's own rule records it (record-feedback.ts).
  router.post('/c/:token/survey/:requestId', readForm, async (req, res) => {
    const { link, locale, comment } = await formLink(req);
    const score = scoreParam((req.body as Record<string, unknown>).score);
    const outcome = await guard(brand(), locale, () => recordClientSurvey(engine, { link, requestId: String(req.params.requestId), score, comment }));
    deps.log.info({ ref: hashToken(tokenOf(req)).slice(0, 12), outcome: outcome.kind, ...(outcome.kind === 'recorded' ? { stored: outcome.stored } : {}) }, 'client page survey answer');
    if (outcome.kind !== 'recorded') throw surveyRefusal(brand(), locale, outcome, engine.calendar.timezone, tokenOf(req));
    if (outcome.stored) deps.onStored();
    res.redirect(303, `../../${encodeURIComponent(tokenOf(req))}?lang=${locale}&sent=survey`);
  });

  router.post('/c/:token/comment', readForm, async (req, res) => {
    const { link, locale, comment } = await formLink(req);
    const outcome = await guard(brand(), locale, () => recordClientComment(engine, link, comment));
    answer(res, req, outcome, locale, '../', 'comment');
  });

  return router;
}

const formParser = express.urlencoded({ extended: false, limit: MAX_FORM_BYTES, parameterLimit: 10 });

function readForm(req: Request, res: Response, next: NextFunction): void {
  formParser(req, res, (error?: unknown) => {
    if (!error) return next();
    const status = (error as { status?: number }).status === 413 ? 413 : 400;
    next(new HttpError(status, 'FORM_UNREADABLE', 'the client page form could not be read; send it from the page'));
  });
}

function tokenOf(req: Request): string {
  return String(req.params.token ?? req.path.split('/')[1] ?? '');
}

/** The language the client chose with the page's switch, if any. */
function requestedLocale(req: Request): Locale | null {
  const lang = req.query.lang;
  return lang === 'it' || lang === 'en' ? lang : null;
}

function acceptedLocale(req: Request): Locale {
  return toLocale(req.get('accept-language')?.split(',')[0]);
}

/** The database failing under a client: a page that says to retry, and the cause in the log. */
async function guard<T>(brand: Brand, locale: Locale, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new PageError(503, 'CLIENT_PAGE_UNAVAILABLE', `the client page could not be read or saved (${(error as Error).message}); check the database`, clientMessagePage(brand, locale, LINK_WORDS.unavailableTitle[locale], LINK_WORDS.unavailable[locale]));
  }
}

import express, { Router, type Request, type Response } from 'express';
import { toLocale } from '../domain/locale.js';
import type { Locale } from '../domain/phases.js';
import type { Db } from '../store/db.js';
import { findUnsubscribeToken, recordUnsubscribe } from '../store/unsubscribes.js';
import { PageError } from './page-error.js';
import { UNSUBSCRIBE_CSP, unsubscribePage, type UnsubscribeView } from './unsubscribe-page.js';

// No script, no outside resource (the page's one style block is allowed by its hash); the form posts only back here.
const HEADERS = {
  'Content-Security-Policy': UNSUBSCRIBE_CSP,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * GET shows a confirm page (mail scanners follow links, so a GET changes nothing); POST records the unsubscribe,
 * from that page or from a mail client's RFC 8058 one-click request (`List-Unsubscribe=One-Click`).
 */
export function unsubscribeRouter(deps: { db: Db; clock: () => number; brandName: () => string }): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 5 });
  router.use('/unsubscribe', (_req, res, next) => {
    res.set(HEADERS);
    next();
  });

  /** The link's contact; an unknown link gets a page that says what to do (people open it, not programs). */
  const findLink = async (req: Request) => {
    const link = await findUnsubscribeToken(deps.db, String(req.params.token));
    if (link) return link;
    const locale = toLocale(req.get('accept-language')?.split(',')[0]);
    throw new PageError(404, 'UNSUBSCRIBE_LINK_UNKNOWN', 'this unsubscribe link is not valid', unsubscribePage(locale, 'unknown', deps.brandName()));
  };

  router.get('/unsubscribe/:token', async (req, res) => {
    const link = await findLink(req);
    send(res, link.locale, link.unsubscribed ? 'already' : 'ask', deps.brandName());
  });

  router.post('/unsubscribe/:token', form, async (req, res) => {
    const link = await findLink(req);
    const oneClick = (req.body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] === 'One-Click';
    await recordUnsubscribe(deps.db, link.contactId, deps.clock(), oneClick ? 'one-click' : 'page');
    send(res, link.locale, link.unsubscribed ? 'already' : 'done', deps.brandName());
  });
  return router;
}

function send(res: Response, locale: Locale, view: UnsubscribeView, brand: string): void {
  res.status(200).type('html').send(unsubscribePage(locale, view, brand));
}

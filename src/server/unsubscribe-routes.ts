import express, { Router, type Response } from 'express';
import type { Db } from '../store/db.js';
import { findUnsubscribeToken, recordUnsubscribe } from '../store/unsubscribes.js';
import { HttpError } from './http-error.js';
import { UNSUBSCRIBE_CSP, unsubscribePage, type UnsubscribeView } from './unsubscribe-page.js';
import type { Locale } from '../domain/phases.js';

/**
 * GET shows a confirm page (mail scanners follow links, so a GET changes nothing); POST records the unsubscribe,
 * from that page or from a mail client's RFC 8058 one-click request (`List-Unsubscribe=One-Click`).
 */
export function unsubscribeRouter(deps: { db: Db; clock: () => number; brandName: () => string }): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 5 });

  router.get('/unsubscribe/:token', async (req, res) => {
    const link = await findLink(deps.db, req.params.token);
    send(res, link.locale, link.unsubscribed ? 'already' : 'ask', deps.brandName());
  });

  router.post('/unsubscribe/:token', form, async (req, res) => {
    const link = await findLink(deps.db, req.params.token);
    const oneClick = (req.body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] === 'One-Click';
    await recordUnsubscribe(deps.db, link.contactId, deps.clock(), oneClick ? 'one-click' : 'page');
    send(res, link.locale, link.unsubscribed ? 'already' : 'done', deps.brandName());
  });
  return router;
}

async function findLink(db: Db, token: string) {
  const link = await findUnsubscribeToken(db, token);
  if (!link) throw new HttpError(404, 'UNSUBSCRIBE_LINK_UNKNOWN', 'this unsubscribe link is not valid; copy the whole link from the email, or reply to the email and ask to be removed');
  return link;
}

function send(res: Response, locale: Locale, view: UnsubscribeView, brand: string): void {
  res
    .status(200)
    .set({ 'Content-Security-Policy': UNSUBSCRIBE_CSP, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' })
    .type('html')
    .send(unsubscribePage(locale, view, brand));
}

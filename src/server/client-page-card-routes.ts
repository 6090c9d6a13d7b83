import { Router, type Request } from 'express';
import { z } from 'zod';
import { clientLinkForCard } from '../actions/client-link-for-card.js';
import { sendClientPage } from '../actions/send-client-page.js';
import type { CardCaller } from './card-auth.js';
import { toLocale } from '../domain/locale.js';
import type { Engine } from '../jobs/engine.js';
import { revokeDealLinks } from '../store/client-links.js';
import { SHAREABLE_ITEMS, setItemShared } from '../store/client-page-reads.js';
import { clientPageCardView } from './client-page-card-view.js';
import { HttpError } from './http-error.js';

export interface ClientPageCardDeps {
  engine: Engine;
  publicBaseUrl?: string;
  /** Wakes the worker, as after a webhook: a planned email goes now, not at the next poll. */
  onStored?: () => void;
}

const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);
const body = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('copy'), requestId }),
  z.strictObject({ action: z.literal('revoke'), requestId }),
  z.strictObject({ action: z.literal('send'), requestId }),
  z.strictObject({ action: z.literal('share'), requestId, items: z.array(z.enum(SHAREABLE_ITEMS)).max(SHAREABLE_ITEMS.length) }),
]);

/**
 * The deal card's side of the client page, behind the card routes' signature check: when the client last used it,
 * a fresh link to copy, revoking every link of the deal, and which agreed items the client sees.
 */
export function clientPageCardRoutes(deps: ClientPageCardDeps): Router {
  const router = Router();
  const { engine } = deps;
  const path = '/api/cards/client-pages/:dealId';
  const view = (req: Request) => clientPageCardView(engine, dealIdOf(req), toLocale(String(req.query.locale ?? '')), engine.clock());

  router.get(path, async (req, res) => {
    res.json(await view(req));
  });

  router.post(path, async (req, res) => {
    const dealId = dealIdOf(req);
    const parsed = body.safeParse(res.locals.body);
    if (!parsed.success) throw new HttpError(400, 'INVALID_BODY', `${parsed.error.issues[0]!.path.join('.') || 'body'}: ${parsed.error.issues[0]!.message}`);
    const action = parsed.data;
    if (action.action === 'revoke') await revokeDealLinks(engine.db, dealId, engine.clock());
    if (action.action === 'share') {
      const by = (res.locals.caller as CardCaller).userId;
      for (const key of SHAREABLE_ITEMS) await setItemShared(engine.db, dealId, key, action.items.includes(key), by, engine.clock());
    }
    if (action.action === 'send') {
      const sent = await sendClientPage(engine, dealId, action.requestId, res.locals.caller as CardCaller);
      if (sent.kind === 'deal-not-found') throw new HttpError(404, 'DEAL_NOT_FOUND', `HubSpot has no deal ${dealId}; reload the record`);
      if (sent.kind === 'request-id-reused') throw new HttpError(409, 'REQUEST_ID_REUSED', 'this requestId was used for another request; send a new one for each press');
      // Durable now: the email sender delivers it within seconds, with the contact's current link.
      if (sent.kind === 'planned') deps.onStored?.();
      return void res.json({ ...(await view(req)), sent });
    }
    if (action.action !== 'copy') return void res.json(await view(req));
    const outcome = await clientLinkForCard(engine, dealId);
    if (outcome.kind === 'deal-not-found') throw new HttpError(404, 'DEAL_NOT_FOUND', `HubSpot has no deal ${dealId}; reload the record`);
    if (outcome.kind === 'no-contact') throw new HttpError(409, 'NO_CONTACT', 'the deal has no contact to give a page to; associate the client\'s contact with the deal first');
    const base = (engine.mail?.publicBaseUrl ?? deps.publicBaseUrl ?? '').replace(/\/+$/, '');
    res.json({ ...(await view(req)), link: { url: `${base}/c/${outcome.token}`, expiresAt: outcome.expiresAt } });
  });
  return router;
}

function dealIdOf(req: Request): string {
  const id = String(req.params.dealId);
  if (!/^\d{1,20}$/.test(id)) throw new HttpError(400, 'BAD_RECORD_ID', 'dealId must be a HubSpot record id (digits)');
  return id;
}


import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { HandoffRuleError, type HandoffAction } from '../domain/handoff.js';
import { HANDOFF_ITEM_KEYS, MAX_FIELD_CHARS } from '../domain/handoff-items.js';
import { normalizeText } from '../domain/input-text.js';
import { toLocale } from '../domain/locale.js';
import { PHASES } from '../domain/phases.js';
import { SURVEY_KINDS } from '../domain/feedback-scoring.js';
import { HubSpotError } from '../hubspot/hubspot-error.js';
import { applyHandoff } from '../actions/apply-handoff.js';
import type { CardActor } from '../actions/card-actor.js';
import type { Engine } from '../jobs/engine.js';
import { movePhase } from '../actions/move-phase.js';
import { rateTouchpoint, type TouchpointRatingOutcome } from '../actions/rate-touchpoint.js';
import { cardAuth, type CardAuthDeps, type CardCaller } from './card-auth.js';
import { clientPageCardRoutes } from './client-page-card-routes.js';
import { companyCardView } from './company-card-view.js';
import { dealCardView } from './deal-card-view.js';
import { handoffView } from './handoff-view.js';
import { pmRecordRoutes } from './pm-record-routes.js';
import { HttpError } from './http-error.js';
import { readUnknownRecord } from './unknown-record.js';
import { isDealKnown } from '../store/card-reads.js';

export interface CardRouteDeps extends CardAuthDeps {
  engine: Engine;
  /** New durable steps were stored: wake the worker. */
  onStored: () => void;
}

const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'a requestId of 8–100 letters, digits, - or _, made by the card once per action');
const itemKey = z.enum(HANDOFF_ITEM_KEYS);
const salesInput = {
  requestId,
  values: z.partialRecord(itemKey, z.record(z.string(), z.string().max(MAX_FIELD_CHARS * 2))).optional(),
  answers: z.partialRecord(itemKey, z.string().max(MAX_FIELD_CHARS * 2)).optional(),
};
const handoffBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('save'), ...salesInput }),
  z.strictObject({ action: z.literal('submit'), ...salesInput }),
  z.strictObject({ action: z.literal('accept'), requestId, items: z.array(itemKey).min(1).max(HANDOFF_ITEM_KEYS.length) }),
  z.strictObject({ action: z.literal('ask'), requestId, item: itemKey, text: z.string().max(MAX_FIELD_CHARS * 2) }),
]);
const touchpointRatingBody = z.strictObject({ requestId, survey: z.enum(SURVEY_KINDS), touchpoint: z.string().min(1).max(200), score: z.number().int() });
const phaseBody = z.strictObject({ requestId, to: z.enum(PHASES), reason: z.string().trim().min(3, 'say in a few words why the phase moves').max(500).transform(normalizeText) });

/**
 * The cards' backend, reached only through hubspot.fetch: every route sits behind cardAuth. Reads answer from
 * first100's store; HubSpot is asked (on its quick path) only about a record the store knows nothing of.
 */
export function cardRouter(deps: CardRouteDeps): Router {
  const router = Router();
  const { engine } = deps;
  router.use('/api/cards', ...cardAuth(deps));
  router.use(clientPageCardRoutes(deps));

  router.get('/api/cards/deals/:dealId', async (req, res) => {
    res.json(await dealCardView(engine, recordId(req, 'dealId'), toLocale(localeOf(req))));
  });

  router.post('/api/cards/deals/:dealId/phase', async (req, res) => {
    const dealId = recordId(req, 'dealId');
    const body = parse(phaseBody, res);
    const outcome = await callingHubSpot(() => movePhase(engine, { ...body, dealId, actor: actorOf(res) }));
    if (outcome === 'deal-not-found') throw new HttpError(404, 'DEAL_NOT_FOUND', `HubSpot has no deal ${dealId}; reload the record`);
    if (outcome === 'already-there') throw new HttpError(409, 'ALREADY_IN_PHASE', `the deal is already in ${body.to}`);
    refuseReusedId(outcome);
    if (outcome === 'applied') deps.onStored();
    res.json(await dealCardView(engine, dealId, toLocale(localeOf(req))));
  });

  router.post('/api/cards/deals/:dealId/touchpoint-ratings', async (req, res) => {
    const dealId = recordId(req, 'dealId');
    const body = parse(touchpointRatingBody, res);
    const outcome = await rateTouchpoint(engine, { ...body, dealId, actor: actorOf(res) });
    refuseRating(outcome);
    if (outcome === 'applied') deps.onStored();
    res.json(await dealCardView(engine, dealId, toLocale(localeOf(req))));
  });

  router.get('/api/cards/deals/:dealId/handoff', async (req, res) => {
    const dealId = recordId(req, 'dealId');
    const view = await handoffView(engine.db, dealId, toLocale(localeOf(req)), actorOf(res).userId);
    // A checklist nobody has touched is empty; only a deal HubSpot does not have gets a 404.
    const untouched = view.status === 'not_started' && view.history.length === 0;
    if (untouched && !(await isDealKnown(engine.db, dealId))) await readUnknownRecord(engine, 'deals', dealId);
    res.json(view);
  });

  router.post('/api/cards/deals/:dealId/handoff', async (req, res) => {
    const dealId = recordId(req, 'dealId');
    const body = parse(handoffBody, res);
    const actor = actorOf(res);
    let outcome;
    try {
      outcome = await applyHandoff(engine, { requestId: body.requestId, dealId, actor, action: toAction(body) });
    } catch (error) {
      if (error instanceof HandoffRuleError) throw new HttpError(error.status, error.code, error.message, { items: error.items });
      throw error;
    }
    refuseReusedId(outcome);
    if (outcome === 'applied') deps.onStored();
    res.json(await handoffView(engine.db, dealId, toLocale(localeOf(req)), actor.userId));
  });

  pmRecordRoutes(router, deps);

  router.get('/api/cards/companies/:companyId', async (req, res) => {
    res.json(await companyCardView(engine, recordId(req, 'companyId'), toLocale(localeOf(req))));
  });
  return router;
}

function refuseRating(outcome: TouchpointRatingOutcome): void {
  if (outcome === 'not-in-onboarding') throw new HttpError(409, 'NOT_IN_ONBOARDING', 'the deal is not in onboarding: start it before rating its touchpoints');
  if (outcome === 'unknown-touchpoint') throw new HttpError(400, 'UNKNOWN_TOUCHPOINT', 'the playbook does not survey this touchpoint with this survey, and this deal\'s client was never asked about it');
  if (outcome === 'bad-score') throw new HttpError(400, 'BAD_SCORE', 'the score is not on the survey\'s scale (NPS 0–10, CSAT 1–5, CES 1–7)');
  refuseReusedId(outcome);
}

function toAction(body: z.output<typeof handoffBody>): HandoffAction {
  if (body.action === 'accept') return { type: 'accept', items: body.items };
  if (body.action === 'ask') return { type: 'ask', item: body.item, text: body.text };
  return { type: body.action, values: body.values, answers: body.answers };
}

function recordId(req: Request, name: string): string {
  const id = String(req.params[name]);
  if (!/^\d{1,20}$/.test(id)) throw new HttpError(400, 'BAD_RECORD_ID', `${name} must be a HubSpot record id (digits)`);
  return id;
}

function localeOf(req: Request): string | undefined {
  return new URL(req.originalUrl, 'http://card.invalid').searchParams.get('locale') ?? undefined;
}

function actorOf(res: Response): CardActor {
  const caller = res.locals.caller as CardCaller;
  return { userId: caller.userId, userEmail: caller.userEmail };
}

function parse<T extends z.ZodType>(schema: T, res: Response): z.output<T> {
  const parsed = schema.safeParse(res.locals.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new HttpError(400, 'INVALID_BODY', `${issue.path.join('.') || 'body'}: ${issue.message}`);
}

function refuseReusedId(outcome: string): void {
  if (outcome === 'request-id-reused') {
    throw new HttpError(409, 'REQUEST_ID_REUSED', 'this requestId came before with another action or body; the card makes a new requestId per action, and a retry sends the same body');
  }
}

/** HubSpot failing under a card request: 503 lets hubspot.fetch retry once, and says what the user can do. */
async function callingHubSpot<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HubSpotError)) throw error;
    if (error.retryable) throw new HttpError(503, 'HUBSPOT_UNAVAILABLE', 'HubSpot did not answer first100 in time; try again in a minute');
    throw new HttpError(502, `HUBSPOT_${error.code}`, error.message);
  }
}

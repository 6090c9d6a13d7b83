import type { Request, Router } from 'express';
import { z } from 'zod';
import { REMORSE_LABELS, REMORSE_TYPES } from '../domain/handoff-items.js';
import { normalizeText } from '../domain/input-text.js';
import { toLocale } from '../domain/locale.js';
import { ACCOMPLISH_OUTCOME_LABELS, ACCOMPLISH_OUTCOMES, recordLabel, toPmRecord, type PmRecord } from '../domain/pm-records.js';
import { recordPmRecord } from '../actions/record-pm-record.js';
import type { CardCaller } from './card-auth.js';
import type { CardRouteDeps } from './card-routes.js';
import { HttpError } from './http-error.js';
import { readPmRecords } from '../store/pm-record-store.js';
import { readHandoff } from '../store/handoff-store.js';

const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'a requestId of 8–100 letters, digits, - or _, made by the card once per action');
const note = z.string().trim().max(1000).default('').transform(normalizeText);
const recordBody = z.discriminatedUnion('kind', [
  z.strictObject({ requestId, kind: z.literal('accomplish_outcome'), value: z.enum(ACCOMPLISH_OUTCOMES), note }),
  z.strictObject({ requestId, kind: z.literal('kickoff_held'), value: z.literal('held'), note }),
  z.strictObject({ requestId, kind: z.literal('remorse_type'), value: z.enum(REMORSE_TYPES), note }),
]);

/** What the deal card's "PM records" section shows: each record's value, label, who and when, and sales' guess of the doubt. */
export interface PmRecordsView {
  dealId: string;
  records: { kind: PmRecord['kind']; value: string; label: string; note: string; by: string | null; at: string }[];
  /** The remorse type sales recorded at the handoff, before the PM confirmed or corrected it. */
  handoffRemorseType: string | null;
  /** The choices the card offers, labelled in the user's language (the labels live once, in the domain). */
  choices: { accomplish_outcome: Choice[]; remorse_type: Choice[] };
}

interface Choice {
  value: string;
  label: string;
}

async function recordsView(deps: CardRouteDeps, dealId: string, locale: 'en' | 'it'): Promise<PmRecordsView> {
  const stored = await readPmRecords(deps.engine.db, dealId);
  const handoff = await readHandoff(deps.engine.db, dealId);
  const records = Object.values(stored).flatMap((r) => {
    const record = toPmRecord(r.kind, r.value, r.note);
    return record ? [{ kind: r.kind, value: r.value, label: recordLabel(record, locale), note: r.note, by: r.actorEmail, at: new Date(r.recordedAt).toISOString() }] : [];
  });
  const choices = {
    accomplish_outcome: ACCOMPLISH_OUTCOMES.map((value) => ({ value, label: ACCOMPLISH_OUTCOME_LABELS[value][locale] })),
    remorse_type: REMORSE_TYPES.map((value) => ({ value, label: REMORSE_LABELS[value][locale] })),
  };
  return { dealId, records, handoffRemorseType: handoff.items.fears?.values.remorse_type || null, choices };
}

/** The PM's records on the deal card (signed card requests, behind the card router's cardAuth). */
export function pmRecordRoutes(router: Router, deps: CardRouteDeps): void {
  router.get('/api/cards/deals/:dealId/records', async (req, res) => {
    res.json(await recordsView(deps, dealIdOf(req), localeOf(req)));
  });

  router.post('/api/cards/deals/:dealId/records', async (req, res) => {
    const dealId = dealIdOf(req);
    const parsed = recordBody.safeParse(res.locals.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HttpError(400, 'INVALID_RECORD', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const { requestId: id, ...record } = parsed.data;
    const caller = res.locals.caller as CardCaller;
    const outcome = await recordPmRecord(deps.engine, { requestId: id, dealId, actor: { userId: caller.userId, userEmail: caller.userEmail }, record });
    if (outcome === 'deal-not-found') throw new HttpError(404, 'DEAL_NOT_FOUND', `HubSpot has no deal ${dealId}; reload the record`);
    if (outcome === 'not-in-onboarding') throw new HttpError(409, 'NOT_IN_ONBOARDING', 'the deal is not in onboarding: start its onboarding first');
    if (outcome === 'request-id-reused') {
      throw new HttpError(409, 'REQUEST_ID_REUSED', 'this requestId came before with another action or body; the card makes a new requestId per action, and a retry sends the same body');
    }
    if (outcome === 'applied') deps.onStored();
    res.json(await recordsView(deps, dealId, localeOf(req)));
  });
}

function dealIdOf(req: Request): string {
  const id = String(req.params.dealId);
  if (!/^\d{1,20}$/.test(id)) throw new HttpError(400, 'BAD_RECORD_ID', 'dealId must be a HubSpot record id (digits)');
  return id;
}

function localeOf(req: Request): 'en' | 'it' {
  return toLocale(new URL(req.originalUrl, 'http://card.invalid').searchParams.get('locale'));
}

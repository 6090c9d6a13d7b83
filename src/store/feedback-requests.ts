import { createHash, randomBytes } from 'node:crypto';
import { isSurveyKind, type SurveyKind } from '../domain/feedback-scoring.js';
import type { Locale } from '../domain/phases.js';
import type { Queryable } from './db.js';

/** What a feedback request is about: a deal's touchpoint, asked of one contact in their language. */
interface FeedbackSubject {
  /** The effect key of the email step that asks; one request per step and contact. */
  effectKey: string;
  dealId: string;
  companyId: string | null;
  contactId: string;
  survey: SurveyKind;
  touchpoint: string;
  phase: string | null;
  locale: Locale;
}

export interface NewFeedbackRequest extends FeedbackSubject {
  now: number;
  ttlMs: number;
}

export interface FeedbackAnswer {
  score: number;
  comment: string | null;
  firstAnsweredAt: number;
  answeredAt: number;
  revisions: number;
}

export interface FeedbackRequest extends FeedbackSubject {
  id: string;
  createdAt: number;
  expiresAt: number;
  answer: FeedbackAnswer | null;
}

/** Only the hash is stored: a copy of the database does not let anyone answer in a client's name. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Records a request and returns its token (256 random bits, URL-safe), which exists only in the email.
 * Returns null if this step already asked this contact: the email that carries that token is the one to send.
 */
export async function createFeedbackRequest(tx: Queryable, r: NewFeedbackRequest): Promise<{ id: string; token: string } | null> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await tx.query<{ id: string | number }>(
    `INSERT INTO feedback_requests (token_hash, effect_key, deal_id, company_id, contact_id, survey, touchpoint, phase, locale, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (effect_key, contact_id) DO NOTHING
     RETURNING id`,
    [hashToken(token), r.effectKey, r.dealId, r.companyId, r.contactId, r.survey, r.touchpoint, r.phase, r.locale, r.now, r.now + r.ttlMs],
  );
  return row ? { id: String(row.id), token } : null;
}

interface RequestRow {
  id: string | number;
  effect_key: string;
  deal_id: string;
  company_id: string | null;
  contact_id: string;
  survey: string;
  touchpoint: string;
  phase: string | null;
  locale: string;
  created_at: string | number;
  expires_at: string | number;
  score: number | null;
  comment: string | null;
  first_answered_at: string | number | null;
  answered_at: string | number | null;
  revisions: number | null;
}

/** The request a token stands for, with its answer; null for a token first100 never issued. Expiry is the caller's to judge. */
export async function findFeedbackRequest(db: Queryable, token: string): Promise<FeedbackRequest | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db.query<RequestRow>(
    `SELECT r.*, a.score, a.comment, a.first_answered_at, a.answered_at, a.revisions
       FROM feedback_requests r LEFT JOIN feedback_answers a ON a.request_id = r.id
      WHERE r.token_hash = $1`,
    [hashToken(token)],
  );
  return row ? toRequest(row) : null;
}

function toRequest(row: RequestRow): FeedbackRequest {
  if (!isSurveyKind(row.survey)) throw new Error(`feedback request ${row.id} has an unknown survey kind`);
  return {
    id: String(row.id),
    effectKey: row.effect_key,
    dealId: row.deal_id,
    companyId: row.company_id,
    contactId: row.contact_id,
    survey: row.survey,
    touchpoint: row.touchpoint,
    phase: row.phase,
    locale: row.locale === 'it' ? 'it' : 'en',
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    answer:
      row.score === null
        ? null
        : {
            score: Number(row.score),
            comment: row.comment,
            firstAnsweredAt: Number(row.first_answered_at),
            answeredAt: Number(row.answered_at),
            revisions: Number(row.revisions),
          },
  };
}

/** The request with this id, with its answer; null when there is none. */
export async function findFeedbackRequestById(db: Queryable, id: string): Promise<FeedbackRequest | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const [row] = await db.query<RequestRow>(
    `SELECT r.*, a.score, a.comment, a.first_answered_at, a.answered_at, a.revisions
       FROM feedback_requests r LEFT JOIN feedback_answers a ON a.request_id = r.id
      WHERE r.id = $1`,
    [id],
  );
  return row ? toRequest(row) : null;
}

/**
 * The survey a contact was sent for a deal and has not answered yet, still open at `now`: the latest, when several
 * are (the current touchpoint). Sent means its email went out; a request whose email failed or waits is not shown.
 */
export async function findOpenFeedbackRequest(db: Queryable, dealId: string, contactId: string, now: number): Promise<FeedbackRequest | null> {
  const [row] = await db.query<RequestRow>(
    `SELECT r.*, NULL::int AS score, NULL::text AS comment, NULL::bigint AS first_answered_at, NULL::bigint AS answered_at, NULL::int AS revisions
       FROM feedback_requests r
       JOIN email_messages m ON m.effect_key = r.effect_key AND m.contact_id = r.contact_id AND m.status = 'sent'
      WHERE r.deal_id = $1 AND r.contact_id = $2 AND r.expires_at > $3
        AND NOT EXISTS (SELECT 1 FROM feedback_answers a WHERE a.request_id = r.id)
      ORDER BY r.created_at DESC, r.id DESC LIMIT 1`,
    [dealId, contactId, now],
  );
  return row ? toRequest(row) : null;
}

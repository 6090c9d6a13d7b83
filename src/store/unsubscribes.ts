import { randomBytes } from 'node:crypto';
import type { Locale } from '../domain/phases.js';
import type { Queryable } from './db.js';
import { hashToken } from './feedback-requests.js';

/** A new unsubscribe link token for a contact (256 random bits); only its hash is stored. */
export async function createUnsubscribeToken(tx: Queryable, contactId: string, locale: Locale, now: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.query('INSERT INTO unsubscribe_tokens (token_hash, contact_id, locale, created_at) VALUES ($1, $2, $3, $4)', [hashToken(token), contactId, locale, now]);
  return token;
}

export interface UnsubscribeLink {
  contactId: string;
  locale: Locale;
  unsubscribed: boolean;
}

export async function findUnsubscribeToken(db: Queryable, token: string): Promise<UnsubscribeLink | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db.query<{ contact_id: string; locale: string; unsubscribed: boolean }>(
    `SELECT t.contact_id, t.locale, (u.contact_id IS NOT NULL) AS unsubscribed
       FROM unsubscribe_tokens t LEFT JOIN email_unsubscribes u ON u.contact_id = t.contact_id
      WHERE t.token_hash = $1`,
    [hashToken(token)],
  );
  return row ? { contactId: row.contact_id, locale: row.locale === 'it' ? 'it' : 'en', unsubscribed: row.unsubscribed } : null;
}

/** Records that a contact wants no more first100 emails; the first time counts. */
export async function recordUnsubscribe(db: Queryable, contactId: string, now: number, via: 'page' | 'one-click'): Promise<void> {
  await db.query('INSERT INTO email_unsubscribes (contact_id, unsubscribed_at, via) VALUES ($1, $2, $3) ON CONFLICT (contact_id) DO NOTHING', [contactId, now, via]);
}

export async function unsubscribedAmong(db: Queryable, contactIds: string[]): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await db.query<{ contact_id: string }>('SELECT contact_id FROM email_unsubscribes WHERE contact_id = ANY($1::text[])', [contactIds]);
  return new Set(rows.map((r) => r.contact_id));
}

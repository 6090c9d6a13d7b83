import { randomBytes } from 'node:crypto';
import { toLocale } from '../domain/locale.js';
import type { Locale } from '../domain/phases.js';
import type { Queryable } from './db.js';
import { hashToken } from './feedback-requests.js';

export interface NewClientLink {
  dealId: string;
  contactId: string;
  locale: Locale;
  now: number;
  expiresAt: number;
}

export interface ClientLink {
  id: string;
  dealId: string;
  contactId: string;
  locale: Locale;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** What a token stands for at a moment: only a `valid` link opens the page; the others get a page that says why. */
export type ClientLinkLookup =
  | { kind: 'unknown' }
  | { kind: 'expired'; link: ClientLink }
  | { kind: 'revoked'; link: ClientLink }
  | { kind: 'valid'; link: ClientLink };

/**
 * Issues a link to a deal's page for one contact: 256 random bits, URL-safe, returned once and stored only as its
 * hash, so a copy of the database opens no client's page. Every email and every "copy the link" gets a fresh one.
 */
export async function issueClientLink(tx: Queryable, l: NewClientLink): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.query(
    `INSERT INTO client_links (token_hash, deal_id, contact_id, locale, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [hashToken(token), l.dealId, l.contactId, l.locale, l.now, l.expiresAt],
  );
  return token;
}

interface LinkRow {
  id: string | number;
  deal_id: string;
  contact_id: string;
  locale: string;
  created_at: string | number;
  expires_at: string | number;
  revoked_at: string | number | null;
}

/** Looks a token up and judges it at `now`; anything not shaped like our tokens is unknown without a query. */
export async function findClientLink(db: Queryable, token: string, now: number): Promise<ClientLinkLookup> {
  if (!isTokenShaped(token)) return { kind: 'unknown' };
  const [row] = await db.query<LinkRow>('SELECT * FROM client_links WHERE token_hash = $1', [hashToken(token)]);
  if (!row) return { kind: 'unknown' };
  const link: ClientLink = {
    id: String(row.id),
    dealId: row.deal_id,
    contactId: row.contact_id,
    locale: toLocale(row.locale),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
  if (link.revokedAt !== null) return { kind: 'revoked', link };
  if (now >= link.expiresAt) return { kind: 'expired', link };
  return { kind: 'valid', link };
}

/** Revokes every link of a deal issued so far (the PM's "revoke" on the card); later emails carry new ones. */
export async function revokeDealLinks(tx: Queryable, dealId: string, now: number): Promise<number> {
  const rows = await tx.query('UPDATE client_links SET revoked_at = $2 WHERE deal_id = $1 AND revoked_at IS NULL RETURNING id', [dealId, now]);
  return rows.length;
}

export function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

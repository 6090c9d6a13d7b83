import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { clientLinkExpiresAt } from '../../src/domain/client-link-expiry.js';
import { openDb, type Db } from '../../src/store/db.js';
import { findClientLink, issueClientLink, revokeDealLinks } from '../../src/store/client-links.js';
import { hashToken } from '../../src/store/feedback-requests.js';
import { freshDataDir } from '../support/start-server.js';

const DAY = 86_400_000;
let db: Db;
let dir: string;
beforeAll(async () => {
  dir = await freshDataDir();
  db = await openDb({ dataDir: dir });
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const link = (dealId: string, contactId: string, now = 1_000, expiresAt = now + 130 * DAY) =>
  ({ dealId, contactId, locale: 'it' as const, now, expiresAt });

describe('client links', () => {
  it('issues 256 random bits per link and stores only the hash', async () => {
    const token = await issueClientLink(db, link('deal-1', 'c-1'));
    const again = await issueClientLink(db, link('deal-1', 'c-1'));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(again).not.toBe(token);
    const stored = JSON.stringify(await db.query('SELECT * FROM client_links'));
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashToken(token));
  });

  it('opens the deal and contact it was issued for, and nothing for an unknown or malformed token', async () => {
    const token = await issueClientLink(db, link('deal-2', 'c-2'));
    const found = await findClientLink(db, token, 2_000);
    expect(found).toMatchObject({ kind: 'valid', link: { dealId: 'deal-2', contactId: 'c-2', locale: 'it' } });
    expect(await findClientLink(db, 'A'.repeat(43), 2_000)).toEqual({ kind: 'unknown' });
    expect(await findClientLink(db, `${token}x`, 2_000)).toEqual({ kind: 'unknown' });
    expect(await findClientLink(db, "' OR 1=1 --", 2_000)).toEqual({ kind: 'unknown' });
  });

  it('expires at the moment set when it was issued', async () => {
    const token = await issueClientLink(db, link('deal-3', 'c-3', 1_000, 5_000));
    expect((await findClientLink(db, token, 4_999)).kind).toBe('valid');
    expect((await findClientLink(db, token, 5_000)).kind).toBe('expired');
  });

  it('revokes every link of one deal, and only of that deal', async () => {
    const a1 = await issueClientLink(db, link('deal-4', 'c-4'));
    const a2 = await issueClientLink(db, link('deal-4', 'c-5'));
    const other = await issueClientLink(db, link('deal-5', 'c-4'));
    expect(await revokeDealLinks(db, 'deal-4', 3_000)).toBe(2);
    expect(await findClientLink(db, a1, 3_001)).toMatchObject({ kind: 'revoked', link: { revokedAt: 3_000 } });
    expect((await findClientLink(db, a2, 3_001)).kind).toBe('revoked');
    expect(await findClientLink(db, other, 3_001)).toMatchObject({ kind: 'valid', link: { dealId: 'deal-5' } });
    expect(await revokeDealLinks(db, 'deal-4', 4_000)).toBe(0);
    // A link issued after the revoke works: the PM revokes what leaked, the next email carries a fresh link.
    const fresh = await issueClientLink(db, link('deal-4', 'c-4', 5_000));
    expect((await findClientLink(db, fresh, 5_001)).kind).toBe('valid');
  });
});

describe('client link expiry', () => {
  it('is the 100 days of onboarding from day zero plus the grace', () => {
    expect(clientLinkExpiresAt(0, 10 * DAY, 30)).toBe(130 * DAY);
    expect(clientLinkExpiresAt(0, 10 * DAY, 7)).toBe(107 * DAY);
  });
  it('counts from now for a deal without day zero, and never issues a link with less than the grace left', () => {
    expect(clientLinkExpiresAt(null, 5 * DAY, 30)).toBe(135 * DAY);
    expect(clientLinkExpiresAt(0, 125 * DAY, 30)).toBe(155 * DAY);
  });
});

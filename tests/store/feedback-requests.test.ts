import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { openDb, type Db } from '../../src/store/db.js';
import { createFeedbackRequest, findFeedbackRequest, hashToken } from '../../src/store/feedback-requests.js';
import { saveFeedbackAnswer } from '../../src/store/feedback-answers.js';
import { purgeContact } from '../../src/store/purge-contact.js';
import { freshDataDir } from '../support/start-server.js';

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

const request = (contactId: string) => ({
  effectKey: 'deal-1:activate:1000:kickoff-survey',
  dealId: 'deal-1',
  companyId: 'co-1',
  contactId,
  survey: 'CSAT' as const,
  touchpoint: 'Kickoff meeting',
  phase: 'activate',
  locale: 'it' as const,
  now: 1_000,
  ttlMs: 60 * 86_400_000,
});

describe('feedback requests', () => {
  it('issues one unguessable token per step and contact, and stores only its hash', async () => {
    const first = await createFeedbackRequest(db, request('c-1'));
    expect(first?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await createFeedbackRequest(db, request('c-1'))).toBeNull();
    const other = await createFeedbackRequest(db, request('c-2'));
    expect(other?.token).not.toBe(first?.token);

    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM feedback_requests');
    expect(stored.map((r) => r.token_hash)).toContain(hashToken(first!.token));
    expect(JSON.stringify(stored)).not.toContain(first!.token);
  });

  it('finds a request by its token, with no answer yet and its expiry', async () => {
    const created = await createFeedbackRequest(db, { ...request('c-3'), effectKey: 'deal-1:accomplish:2000:result-survey', survey: 'NPS' });
    const found = await findFeedbackRequest(db, created!.token);
    expect(found).toMatchObject({ dealId: 'deal-1', contactId: 'c-3', survey: 'NPS', locale: 'it', expiresAt: 1_000 + 60 * 86_400_000, answer: null });
  });

  it('knows nothing of tokens it never issued, malformed ones included', async () => {
    expect(await findFeedbackRequest(db, 'A'.repeat(43))).toBeNull();
    expect(await findFeedbackRequest(db, "x' OR 1=1 --")).toBeNull();
  });

  it('a contact deleted for privacy takes their survey requests and their answers along', async () => {
    const created = await createFeedbackRequest(db, { ...request('c-9'), effectKey: 'deal-2:activate:1000:kickoff-survey' });
    await db.transaction((tx) => saveFeedbackAnswer(tx, { requestId: created!.id, score: 1, comment: 'my own words', now: 2_000, changeWindowMs: 1_000 }));
    const { counts } = await db.transaction((tx) => purgeContact(tx, 'c-9'));
    expect(counts).toMatchObject({ feedback_answers: 1, feedback_requests: 1 });
    expect(await findFeedbackRequest(db, created!.token)).toBeNull();
    expect(await db.query("SELECT 1 FROM feedback_answers WHERE comment = 'my own words'")).toEqual([]);
  });
});

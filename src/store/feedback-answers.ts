import type { Queryable } from './db.js';

export interface NewFeedbackAnswer {
  requestId: string;
  score: number;
  comment: string | null;
  now: number;
  /** How long after the first answer the client may still change it. */
  changeWindowMs: number;
}

export type AnswerOutcome =
  | { kind: 'first'; revision: 1 }
  | { kind: 'changed'; revision: number; previousScore: number; firstAnsweredAt: number }
  | { kind: 'unchanged'; revision: number; firstAnsweredAt: number }
  | { kind: 'locked'; firstAnsweredAt: number };

interface AnswerRow {
  score: number;
  comment: string | null;
  first_answered_at: string | number;
  revisions: number;
}

/**
 * Records a client's answer: one per request, changeable within the window after the first answer (each change
 * counted). Sending the same answer again (a reload of the thanks page) changes nothing. Inside the caller's
 * transaction; the request's row is locked so two answers sent at once are taken one after the other.
 */
export async function saveFeedbackAnswer(tx: Queryable, a: NewFeedbackAnswer): Promise<AnswerOutcome> {
  await tx.query('SELECT id FROM feedback_requests WHERE id = $1 FOR UPDATE', [a.requestId]);
  const [row] = await tx.query<AnswerRow>('SELECT score, comment, first_answered_at, revisions FROM feedback_answers WHERE request_id = $1', [a.requestId]);
  if (!row) {
    await tx.query(
      `INSERT INTO feedback_answers (request_id, score, comment, first_answered_at, answered_at, revisions) VALUES ($1, $2, $3, $4, $4, 1)`,
      [a.requestId, a.score, a.comment, a.now],
    );
    return { kind: 'first', revision: 1 };
  }
  const firstAnsweredAt = Number(row.first_answered_at);
  if (a.now - firstAnsweredAt > a.changeWindowMs) return { kind: 'locked', firstAnsweredAt };
  if (Number(row.score) === a.score && (row.comment ?? null) === a.comment) return { kind: 'unchanged', revision: Number(row.revisions), firstAnsweredAt };
  const [updated] = await tx.query<{ revisions: number }>(
    `UPDATE feedback_answers SET score = $2, comment = $3, answered_at = $4, revisions = revisions + 1 WHERE request_id = $1 RETURNING revisions`,
    [a.requestId, a.score, a.comment, a.now],
  );
  return { kind: 'changed', revision: Number(updated!.revisions), previousScore: Number(row.score), firstAnsweredAt };
}

import { decideFeedbackEffects, MAX_COMMENT_CHARS } from '../domain/feedback-effects.js';
import { isValidScore } from '../domain/feedback-scoring.js';
import { unstorableText } from '../domain/input-text.js';
import { saveFeedbackAnswer } from '../store/feedback-answers.js';
import { findFeedbackRequest, type FeedbackRequest } from '../store/feedback-requests.js';
import { recordLastFeedback } from '../store/health-signals.js';
import { reviseNote } from '../store/note-update-steps.js';
import { insertSteps, lockDealState } from '../store/onboarding-store.js';
import type { Engine } from '../jobs/engine.js';
import type { Queryable } from '../store/db.js';
import { stepsFromFeedback } from './steps-from-feedback.js';
import { recomputeDealHealth } from '../jobs/health/recompute-health.js';

/** A client may change an answer within a day of giving it; after that it stands. */
export const CHANGE_WINDOW_MS = 24 * 3600_000;

export interface FeedbackSubmission {
  token: string;
  score: number | null;
  comment: string | null;
}

export type FeedbackOutcome =
  | { kind: 'unknown' }
  | { kind: 'expired'; request: FeedbackRequest }
  | { kind: 'invalid'; request: FeedbackRequest; problem: 'score' | 'comment' | 'characters' }
  | { kind: 'locked'; request: FeedbackRequest }
  /** `stored`: this submission added steps (a first answer or a change); false when it repeated the answer as it was. */
  | { kind: 'recorded'; request: FeedbackRequest; revision: number; stored: boolean; firstAnsweredAt: number };

/** Whether a request can still be answered or changed at `now`, and why not. */
export function answerableState(request: FeedbackRequest, now: number): 'open' | 'expired' | 'locked' {
  if (now >= request.expiresAt) return 'expired';
  if (request.answer && now - request.answer.firstAnsweredAt > CHANGE_WINDOW_MS) return 'locked';
  return 'open';
}

/**
 * Records a client's answer and, in the same transaction, the durable steps that carry it into HubSpot (one note per
 * answer, deal and company properties when they change, the PM's follow-up after a detractor, the move to advocate
 * after a promoter).
 * The deal's health signals change with it: the latest answer, and no more silence.
 */
export async function recordFeedback(engine: Engine, s: FeedbackSubmission): Promise<FeedbackOutcome> {
  return engine.db.transaction(async (tx) => {
    const request = await findFeedbackRequest(tx, s.token);
    if (!request) return { kind: 'unknown' };
    return answerFeedbackRequest(tx, engine, request, s);
  });
}

/**
 * The one rule for an answer to a request already found (by the email's link, or on the client's page), inside the
 * caller's transaction: what recordFeedback describes.
 */
export async function answerFeedbackRequest(tx: Queryable, engine: Engine, request: FeedbackRequest, s: Omit<FeedbackSubmission, 'token'>): Promise<FeedbackOutcome> {
  const now = engine.clock();
  const state = answerableState(request, now);
  if (state !== 'open') return { kind: state, request };
  if (s.score === null || !isValidScore(request.survey, s.score)) return { kind: 'invalid', request, problem: 'score' };
  if (s.comment !== null && s.comment.length > MAX_COMMENT_CHARS) return { kind: 'invalid', request, problem: 'comment' };
  if (s.comment !== null && unstorableText(s.comment)) return { kind: 'invalid', request, problem: 'characters' };
  const score = s.score;

  const saved = await saveFeedbackAnswer(tx, { requestId: request.id, score, comment: s.comment, now, changeWindowMs: CHANGE_WINDOW_MS });
  if (saved.kind === 'locked') return { kind: 'locked', request };
  const firstAnsweredAt = saved.kind === 'first' ? now : saved.firstAnsweredAt;
  if (saved.kind === 'unchanged') return { kind: 'recorded', request, revision: saved.revision, stored: false, firstAnsweredAt };

  const deal = await lockDealState(tx, request.dealId);
  const decision = decideFeedbackEffects({ survey: request.survey, score, phase: deal.phase });
  await recordLastFeedback(tx, request.dealId, request.companyId, {
    requestId: request.id,
    kind: request.survey,
    score,
    touchpoint: request.touchpoint,
    at: now,
  });
  const { note, steps } = stepsFromFeedback({
    request,
    score,
    comment: s.comment,
    revision: saved.revision,
    ...(saved.kind === 'changed' ? { previousScore: saved.previousScore } : {}),
    decision,
    entryId: deal.entryId,
    now,
    calendar: engine.calendar,
    locale: engine.playbook.locale,
  });
  // One note per answer: a change rewrites it (the step not sent yet) or updates it in HubSpot (already sent).
  const revised =
    saved.kind === 'changed'
      ? await reviseNote(tx, { noteKey: note.step.effectKey, updateKey: note.updateKey, dealId: request.dealId, marker: note.marker, body: note.body, revision: saved.revision, now })
      : 'missing';
  await insertSteps(tx, revised === 'missing' ? [note.step, ...steps] : steps);
  // An answer can make or clear "at risk" and ends a silence: the health is recomputed with it.
  await recomputeDealHealth(tx, engine, request.dealId, now);
  return { kind: 'recorded', request, revision: saved.revision, stored: true, firstAnsweredAt };
}

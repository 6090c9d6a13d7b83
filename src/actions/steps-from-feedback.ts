import type { BusinessCalendar } from '../domain/business-calendar.js';
import type { FeedbackDecision } from '../domain/feedback-effects.js';
import { scalePropertyValues } from '../domain/feedback-scales.js';
import { feedbackNote, followUpTask, scoreText, type AnswerForTeam } from '../domain/feedback-notes.js';
import { toneOf } from '../domain/feedback-scoring.js';
import type { Locale } from '../domain/phases.js';
import type { FeedbackRequest } from '../store/feedback-requests.js';
import type { NewStep, StepKind, StepPayloads } from '../store/step-kinds.js';
import { companyUpdateStep, dealUpdateStep, markerOf } from '../jobs/steps/steps-from-plan.js';

export interface AnswerEffects {
  request: FeedbackRequest;
  score: number;
  comment: string | null;
  /** 1 for the first answer, then one more per change. */
  revision: number;
  /** The score before this change; absent for the first answer. */
  previousScore?: number;
  decision: FeedbackDecision;
  /** The deal's current phase entry: a promoter's move to advocate happens only if the deal is still in it. */
  entryId: string | null;
  now: number;
  calendar: BusinessCalendar;
  locale: Locale;
}

export interface FeedbackSteps {
  /** The answer's one note, keyed by the request: created by the first answer, revised by each change. */
  note: { step: NewStep; marker: string; body: string; updateKey: string };
  /** The other steps of this answer or change (insert ignores those that exist already). */
  steps: NewStep[];
}

/**
 * The durable steps of one answer or change. The note is one per answer (a change rewrites it); the deal's
 * properties are written when the score changed, the company's health and segment when the answer's tone did; the
 * PM's follow-up task and the move to advocate are keyed by the request alone, so an answer changed back and forth
 * within its 24 hours creates each at most once.
 */
export function stepsFromFeedback(e: AnswerEffects): FeedbackSteps {
  const { request, now } = e;
  const dealId = request.dealId;
  const base = `${dealId}:feedback:${request.id}`;
  // A kind and its payload travel together, as StepPayloads declares them.
  const step = <K extends StepKind>(key: string, kind: K, stepId: string, payload: StepPayloads[K], entryId: string | null = null): NewStep =>
    ({ effectKey: key, entryId, dealId, kind, stepId, dueAt: now, runAt: now, payload }) as NewStep;
  const scoreChanged = e.previousScore !== e.score;
  const toneChanged = e.previousScore === undefined || toneOf({ kind: request.survey, score: e.previousScore }) !== e.decision.tone;
  const answer: AnswerForTeam = {
    survey: request.survey,
    score: e.score,
    comment: e.comment,
    touchpoint: request.touchpoint,
    tone: e.decision.tone,
    ...(e.previousScore !== undefined && scoreChanged ? { previousScore: e.previousScore } : {}),
  };
  const noteKey = `${base}:note`;
  const note = { marker: markerOf(noteKey), dealId, companyId: request.companyId, body: feedbackNote(answer, e.locale), timestamp: now };
  const steps: NewStep[] = [];
  if (scoreChanged) {
    steps.push(dealUpdateStep(dealId, null, `${base}:${e.revision}:properties`, {
      first100_last_feedback_score: String(e.score),
      first100_last_feedback_at: new Date(now).toISOString(),
      ...scalePropertyValues(request.survey, e.score, now),
      // first100_health is the computed health's (record-feedback recomputes it with the answer), written when it changes.
    }, now));
  }
  if (request.companyId && toneChanged) steps.push(companyUpdateStep(dealId, null, `${base}:${e.revision}:company`, request.companyId, now));
  if (e.decision.followUp) {
    const key = `${base}:follow-up`;
    const { subject, body } = followUpTask(answer, e.locale);
    const payload: StepPayloads['owner-task'] = {
      task: {
        marker: markerOf(key),
        dealId,
        companyId: request.companyId,
        contactIds: [request.contactId],
        subject,
        body,
        dueAt: e.calendar.dueAt(now, { businessDays: 1 }),
        priority: 'HIGH',
        type: 'CALL',
      },
      assignee: 'pm',
    };
    steps.push(step(key, 'owner-task', 'feedback-follow-up', payload));
  }
  if (e.decision.toAdvocate && e.entryId !== null) {
    const cause = `promoter feedback (${scoreText(request.survey, e.score)} on ${request.touchpoint})`;
    steps.push(step(`${base}:to-advocate`, 'advance', 'advance-to-advocate', { to: 'advocate', cause }, e.entryId));
  }
  return { note: { step: step(noteKey, 'note', 'feedback-note', { note }), marker: note.marker, body: note.body, updateKey: `${base}:note-update` }, steps };
}

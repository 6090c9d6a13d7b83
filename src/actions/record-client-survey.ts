import type { Engine } from '../jobs/engine.js';
import type { ClientLink } from '../store/client-links.js';
import { findFeedbackRequestById } from '../store/feedback-requests.js';
import { insertSteps, lockDealState } from '../store/onboarding-store.js';
import { answerFeedbackRequest, type FeedbackOutcome } from './record-feedback.js';
import { clientSeenSteps } from './record-client-task.js';

export interface ClientSurveyPost {
  link: ClientLink;
  requestId: string;
  score: number | null;
  comment: string | null;
}

/**
 * A client answers, on their page, the survey their email asked. The answer follows the survey page's own rule
 * (answerFeedbackRequest: the note, the properties of its scale, the health, the follow-ups, each once however often
 * the form is posted), and like every action on the page it is a visit and contact. A link answers only its own
 * contact's requests for its own deal: any other id is unknown to it.
 */
export async function recordClientSurvey(engine: Engine, p: ClientSurveyPost): Promise<FeedbackOutcome> {
  return engine.db.transaction(async (tx) => {
    const request = await findFeedbackRequestById(tx, p.requestId);
    if (!request || request.dealId !== p.link.dealId || request.contactId !== p.link.contactId) return { kind: 'unknown' };
    const outcome = await answerFeedbackRequest(tx, engine, request, { score: p.score, comment: p.comment });
    if (outcome.kind !== 'recorded') return outcome;
    await lockDealState(tx, p.link.dealId);
    const seen = await insertSteps(tx, await clientSeenSteps(tx, engine, p.link, engine.clock()));
    return { ...outcome, stored: outcome.stored || seen > 0 };
  });
}

import { isValidScore, type SurveyKind } from '../domain/feedback-scoring.js';
import { isAmong, rateableTouchpoints } from '../domain/touchpoint-views.js';
import { readDealRecord } from '../store/card-reads.js';
import { claimCardRequest } from '../store/card-request-store.js';
import { saveTeamRating } from '../store/team-ratings.js';
import { readAskedTouchpoints } from '../store/touchpoint-reads.js';
import type { Engine } from '../jobs/engine.js';
import { actorLabel, type CardActor, type CardWriteOutcome } from './card-actor.js';

export interface TouchpointRating {
  requestId: string;
  dealId: string;
  survey: SurveyKind;
  touchpoint: string;
  score: number;
  actor: CardActor;
}

export type TouchpointRatingOutcome = CardWriteOutcome | 'not-in-onboarding' | 'unknown-touchpoint' | 'bad-score';

/**
 * A team member rates a surveyed touchpoint of a deal from the team's side, on the client's scale: the PM, or
 * whoever ran the touchpoint. Each person has one rating per touchpoint; rating again replaces it. Stored by
 * first100 only (it is the team's map of the journey, compared on the cards with what the client says).
 */
export async function rateTouchpoint(engine: Engine, r: TouchpointRating): Promise<TouchpointRatingOutcome> {
  if (!isValidScore(r.survey, r.score)) return 'bad-score';
  return engine.db.transaction(async (tx) => {
    const deal = await readDealRecord(tx, r.dealId);
    if (!deal || deal.phase === null) return 'not-in-onboarding';
    if (!isAmong(rateableTouchpoints(engine.playbook, await readAskedTouchpoints(tx, r.dealId)), r)) return 'unknown-touchpoint';
    const claim = await claimCardRequest(tx, {
      requestId: r.requestId,
      dealId: r.dealId,
      action: 'rate-touchpoint',
      actorUserId: r.actor.userId,
      content: { survey: r.survey, touchpoint: r.touchpoint, score: r.score },
    });
    if (!claim.fresh) return claim.sameRequest ? 'repeated' : 'request-id-reused';
    await saveTeamRating(tx, {
      dealId: r.dealId,
      survey: r.survey,
      touchpoint: r.touchpoint,
      raterUserId: r.actor.userId,
      raterLabel: actorLabel(r.actor),
      score: r.score,
      ratedAt: engine.clock(),
    });
    return 'applied';
  });
}

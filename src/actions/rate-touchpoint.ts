import { isValidScore, type SurveyKind } from '../domain/feedback-scoring.js';
import { compareTouchpoints, isAmong, rateableTouchpoints, type Touchpoint } from '../domain/touchpoint-views.js';
import { teamRatingNote } from '../domain/touchpoint-words.js';
import { readDealRecord } from '../store/card-reads.js';
import { claimCardRequest } from '../store/card-request-store.js';
import { saveTeamRating } from '../store/team-ratings.js';
import type { Queryable } from '../store/db.js';
import { insertSteps } from '../store/onboarding-store.js';
import type { NewStep } from '../store/step-kinds.js';
import { readAskedTouchpoints, readClientAnswers, readTeamRatings } from '../store/touchpoint-reads.js';
import { markerOf } from '../jobs/steps/steps-from-plan.js';
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
 * whoever ran the touchpoint. Each person has one rating per touchpoint; rating again replaces it. The cards compare
 * it with what the client says; a note on the deal (and its company) puts the rating and the gap in HubSpot too.
 */
export async function rateTouchpoint(engine: Engine, r: TouchpointRating): Promise<TouchpointRatingOutcome> {
  if (!isValidScore(r.survey, r.score)) return 'bad-score';
  return engine.db.transaction(async (tx) => {
    const deal = await readDealRecord(tx, r.dealId);
    if (!deal || deal.phase === null) return 'not-in-onboarding';
    if (!isAmong(rateableTouchpoints(engine.playbook, await readAskedTouchpoints(tx, r.dealId)), r)) return 'unknown-touchpoint';
    const now = engine.clock();
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
      ratedAt: now,
    });
    await insertSteps(tx, [await ratingNoteStep(tx, engine, r, deal.companyId, now)]);
    return 'applied';
  });
}

/** The rating's note, with the client's view and the gap as they stand once it is stored. */
async function ratingNoteStep(tx: Queryable, engine: Engine, r: TouchpointRating, companyId: string | null, now: number): Promise<NewStep> {
  const client = await readClientAnswers(tx, [r.dealId]);
  const team = await readTeamRatings(tx, [r.dealId]);
  const same = (s: Touchpoint) => s.survey === r.survey && s.touchpoint === r.touchpoint;
  const [comparison] = compareTouchpoints([r], team.filter(same), client.filter(same));
  const body = teamRatingNote(comparison!, { rater: actorLabel(r.actor), score: r.score }, engine.playbook.locale);
  const key = `${r.dealId}:team-rating:${r.requestId}`;
  return { effectKey: key, entryId: null, dealId: r.dealId, kind: 'note', stepId: 'team-rating-note', dueAt: now, runAt: now, payload: { note: { marker: markerOf(key), dealId: r.dealId, companyId, body, timestamp: now } } };
}

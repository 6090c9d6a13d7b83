import type { SurveyKind } from '../domain/feedback-scoring.js';
import type { Queryable } from './db.js';

/** A team member's own rating of a surveyed touchpoint of a deal, on the client's scale. */
export interface TeamRating {
  dealId: string;
  survey: SurveyKind;
  touchpoint: string;
  raterUserId: string;
  /** How the card names the rater (their HubSpot email, else the user id). */
  raterLabel: string;
  score: number;
  ratedAt: number;
}

/** One rating per person and touchpoint: rating again replaces one's own rating, never a colleague's. */
export async function saveTeamRating(tx: Queryable, r: TeamRating): Promise<void> {
  await tx.query(
    `INSERT INTO team_ratings (deal_id, survey, touchpoint, rater_user_id, rater_label, score, rated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (deal_id, survey, touchpoint, rater_user_id) DO UPDATE SET rater_label = EXCLUDED.rater_label, score = EXCLUDED.score, rated_at = EXCLUDED.rated_at`,
    [r.dealId, r.survey, r.touchpoint, r.raterUserId, r.raterLabel, r.score, r.ratedAt],
  );
}

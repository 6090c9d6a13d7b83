import { isSurveyKind, type SurveyKind } from '../domain/feedback-scoring.js';
import type { Queryable } from './db.js';

/** One score on one touchpoint of one deal, from the client (an answer) or from the team (a rating). */
export interface TouchpointScore {
  dealId: string;
  survey: SurveyKind;
  touchpoint: string;
  score: number;
  at: number;
}

interface ScoreRow {
  deal_id: string;
  survey: string;
  touchpoint: string;
  score: number | string;
  at: number | string;
}

const toScores = (rows: ScoreRow[]): TouchpointScore[] =>
  rows.flatMap((r) => (isSurveyKind(r.survey) ? [{ dealId: r.deal_id, survey: r.survey, touchpoint: r.touchpoint, score: Number(r.score), at: Number(r.at) }] : []));

/** The clients' answers on these deals: each contact's latest answer per touchpoint (a contact asked twice counts once). */
export async function readClientAnswers(db: Queryable, dealIds: string[]): Promise<TouchpointScore[]> {
  if (dealIds.length === 0) return [];
  return toScores(
    await db.query<ScoreRow>(
      `SELECT DISTINCT ON (r.deal_id, r.survey, r.touchpoint, r.contact_id) r.deal_id, r.survey, r.touchpoint, a.score, a.answered_at AS at
         FROM feedback_requests r JOIN feedback_answers a ON a.request_id = r.id
        WHERE r.deal_id = ANY($1::text[])
        ORDER BY r.deal_id, r.survey, r.touchpoint, r.contact_id, a.answered_at DESC`,
      [dealIds],
    ),
  );
}

/** The team's ratings on these deals: one per person and touchpoint. */
export async function readTeamRatings(db: Queryable, dealIds: string[]): Promise<TouchpointScore[]> {
  if (dealIds.length === 0) return [];
  return toScores(
    await db.query<ScoreRow>('SELECT deal_id, survey, touchpoint, score, rated_at AS at FROM team_ratings WHERE deal_id = ANY($1::text[])', [dealIds]),
  );
}

/** The touchpoints this deal's clients were asked about (by the playbook or by a workflow), oldest first. */
export async function readAskedTouchpoints(db: Queryable, dealId: string): Promise<{ survey: SurveyKind; touchpoint: string }[]> {
  const rows = await db.query<{ survey: string; touchpoint: string }>(
    'SELECT survey, touchpoint FROM feedback_requests WHERE deal_id = $1 GROUP BY survey, touchpoint ORDER BY min(created_at)',
    [dealId],
  );
  return rows.flatMap((r) => (isSurveyKind(r.survey) ? [{ survey: r.survey, touchpoint: r.touchpoint }] : []));
}

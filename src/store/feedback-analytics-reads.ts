import type { Queryable } from './db.js';

export interface FeedbackPointRow {
  period: string;
  touchpoint: string;
  survey: string;
  average: number;
  answers: number;
}

/** Average score per touchpoint and scale (never mixed), per week or month of the answer, within the window. */
export async function readFeedbackPoints(db: Queryable, from: number, to: number, timezone: string, bucket: 'week' | 'month'): Promise<FeedbackPointRow[]> {
  const rows = await db.query<{ period: string; touchpoint: string; survey: string; average: string | number; answers: number }>(
    `SELECT to_char(date_trunc($4, to_timestamp(a.answered_at / 1000.0) AT TIME ZONE $3), 'YYYY-MM-DD') AS period,
            r.touchpoint, r.survey, avg(a.score) AS average, count(*)::int AS answers
       FROM feedback_answers a JOIN feedback_requests r ON r.id = a.request_id
      WHERE a.answered_at BETWEEN $1 AND $2
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [from, to, timezone, bucket],
  );
  return rows.map((r) => ({ period: r.period, touchpoint: r.touchpoint, survey: r.survey, average: Number(r.average), answers: Number(r.answers) }));
}

export interface ResponseRateRow {
  touchpoint: string;
  survey: string;
  sent: number;
  answered: number;
}

/** Surveys sent within the window (one request per contact asked) and how many of them were answered. */
export async function readResponseRates(db: Queryable, from: number, to: number): Promise<ResponseRateRow[]> {
  const rows = await db.query<{ touchpoint: string; survey: string; sent: number; answered: number }>(
    `SELECT r.touchpoint, r.survey, count(*)::int AS sent, count(a.request_id)::int AS answered
       FROM feedback_requests r LEFT JOIN feedback_answers a ON a.request_id = r.id
      WHERE r.created_at BETWEEN $1 AND $2
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [from, to],
  );
  return rows.map((r) => ({ touchpoint: r.touchpoint, survey: r.survey, sent: Number(r.sent), answered: Number(r.answered) }));
}

export interface HandoffAcceptanceRow {
  accepted: number;
  /** Average over the accepted checklists of their completeness (the share of required items accepted), 0–1; null when none was accepted. */
  acceptedShare: number | null;
}

/**
 * The checklists accepted within the window, and how complete they were: an accepted checklist's items do not
 * change until a question reopens one (which also takes the acceptance back), so its state is its state at acceptance.
 * Completeness counts the `requiredKeys` only, as the deal's `first100_handoff_completeness` does.
 */
export async function readHandoffAcceptance(db: Queryable, from: number, to: number, requiredKeys: string[]): Promise<HandoffAcceptanceRow> {
  const [row] = await db.query<{ accepted: number; share: string | number | null }>(
    `SELECT count(*)::int AS accepted,
            avg((SELECT count(*) FROM jsonb_each(state->'items') i WHERE i.key = ANY($3::text[]) AND i.value->>'status' = 'accepted')::numeric
                / cardinality($3::text[])) AS share
       FROM handoffs
      WHERE status = 'accepted' AND (state->>'acceptedAt')::bigint BETWEEN $1 AND $2`,
    [from, to, requiredKeys],
  );
  return { accepted: Number(row?.accepted ?? 0), acceptedShare: row?.share == null ? null : Number(row.share) };
}

/** The checklist items PMs asked sales about most often within the window, most asked first. */
export async function readMostAskedItems(db: Queryable, from: number, to: number, limit: number): Promise<{ item: string; questions: number }[]> {
  const rows = await db.query<{ item: string; questions: number }>(
    `SELECT item, count(*)::int AS questions
       FROM handoff_events e, jsonb_array_elements_text(e.items) AS item
      WHERE e.action = 'ask' AND e.at BETWEEN $1 AND $2
      GROUP BY item ORDER BY questions DESC, item LIMIT $3`,
    [from, to, limit],
  );
  return rows.map((r) => ({ item: r.item, questions: Number(r.questions) }));
}

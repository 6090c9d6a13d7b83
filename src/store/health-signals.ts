import { healthSignals, type HealthSignals } from '../domain/client-health.js';
import type { SurveyKind } from '../domain/feedback-scoring.js';
import type { Queryable } from './db.js';

/**
 * What `deal_onboarding.last_feedback` holds: the deal's latest answer, from which its health is derived (the
 * silent-client sweep reads `kind`, `score` and `at`; the tone is always derived from kind and score).
 */
export interface LastFeedback {
  requestId: string;
  kind: SurveyKind;
  score: number;
  touchpoint: string;
  at: number;
}

/** An answer is contact: it ends the deal's silence. The deal's row must be locked by the caller (lockDealState). */
export async function recordLastFeedback(tx: Queryable, dealId: string, companyId: string | null, feedback: LastFeedback): Promise<void> {
  await tx.query(
    `UPDATE deal_onboarding SET last_feedback = $2::jsonb, silent_since = NULL, company_id = COALESCE($3, company_id), updated_at = now()
      WHERE deal_id = $1`,
    [dealId, JSON.stringify(feedback), companyId],
  );
}

interface SignalRow {
  company_id: string;
  kind: string | null;
  score: string | number | null;
  silent_since: string | number | null;
}

/** The health signals of each company's deals in onboarding (not lost); a company with none has an empty list. */
export async function readCompanySignals(db: Queryable, companyIds: string[]): Promise<Map<string, HealthSignals[]>> {
  const signals = new Map<string, HealthSignals[]>(companyIds.map((id) => [id, []]));
  if (companyIds.length === 0) return signals;
  const rows = await db.query<SignalRow>(
    `SELECT company_id, last_feedback->>'kind' AS kind, last_feedback->>'score' AS score, silent_since FROM deal_onboarding
      WHERE company_id = ANY($1::text[]) AND phase IS NOT NULL AND NOT lost`,
    [companyIds],
  );
  for (const r of rows) {
    const answer = r.kind !== null && r.score !== null ? { kind: r.kind, score: r.score } : null;
    signals.get(r.company_id)?.push(healthSignals(answer, r.silent_since === null ? null : Number(r.silent_since)));
  }
  return signals;
}

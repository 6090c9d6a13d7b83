import type { Segment } from '../domain/status-labels.js';
import type { Queryable } from './db.js';

/**
 * Records the segments just computed for companies, in one statement; returns the companies whose segment differs
 * from the one recorded (or had none): they have just entered it. Of concurrent writers of the same value only one
 * sees the change.
 */
export async function enterCompanySegments(tx: Queryable, segments: { companyId: string; segment: Segment }[], at: number): Promise<Set<string>> {
  if (segments.length === 0) return new Set();
  const changed = await tx.query<{ company_id: string }>(
    `INSERT INTO company_segments (company_id, segment, since)
       SELECT company_id, segment, $3 FROM unnest($1::text[], $2::text[]) AS s(company_id, segment)
     ON CONFLICT (company_id) DO UPDATE SET segment = EXCLUDED.segment, since = EXCLUDED.since, updated_at = now()
       WHERE company_segments.segment IS DISTINCT FROM EXCLUDED.segment
     RETURNING company_id`,
    [segments.map((s) => s.companyId), segments.map((s) => s.segment), at],
  );
  return new Set(changed.map((r) => r.company_id));
}

/** The names a segment's tasks are written with: the company's as first100 last saw it, and the deal's. */
export async function segmentNames(db: Queryable, companyId: string, dealId: string): Promise<{ companyName: string | null; dealName: string | null }> {
  const [row] = await db.query<{ company_name: string | null; deal_name: string | null }>(
    `SELECT (SELECT name FROM company_names WHERE company_id = $1) AS company_name,
            (SELECT deal_name FROM deal_onboarding WHERE deal_id = $2) AS deal_name`,
    [companyId, dealId],
  );
  return { companyName: row?.company_name ?? null, dealName: row?.deal_name ?? null };
}

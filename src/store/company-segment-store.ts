import type { Segment } from '../domain/status-labels.js';
import type { Queryable } from './db.js';

/**
 * Records the segment just computed for a company; true when it differs from the one recorded (or none was), i.e.
 * the company has just entered it. Concurrent writers of the same value: only one sees the change.
 */
export async function enterCompanySegment(tx: Queryable, companyId: string, segment: Segment, at: number): Promise<boolean> {
  const changed = await tx.query(
    `INSERT INTO company_segments (company_id, segment, since) VALUES ($1, $2, $3)
     ON CONFLICT (company_id) DO UPDATE SET segment = EXCLUDED.segment, since = EXCLUDED.since, updated_at = now()
       WHERE company_segments.segment IS DISTINCT FROM EXCLUDED.segment
     RETURNING 1`,
    [companyId, segment, at],
  );
  return changed.length > 0;
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

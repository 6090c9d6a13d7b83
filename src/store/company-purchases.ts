import { PHASES } from '../domain/phases.js';
import type { Queryable } from './db.js';

/** Phases a deal reaches only once it is won (assess is the sale itself). */
const WON_PHASES = PHASES.filter((p) => p !== 'assess');

/**
 * How many won deals first100 knows for each company: deals whose primary company it is, that reached a won stage
 * (any phase from admit on) and were not lost since. A company with none maps to 0.
 */
export async function countWonDeals(db: Queryable, companyIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(companyIds.map((id) => [id, 0]));
  if (companyIds.length === 0) return counts;
  const rows = await db.query<{ company_id: string; won: string | number }>(
    `SELECT company_id, count(*) AS won FROM deal_onboarding
      WHERE company_id = ANY($1::text[]) AND phase = ANY($2::text[]) AND NOT lost
      GROUP BY company_id`,
    [companyIds, WON_PHASES],
  );
  for (const r of rows) counts.set(r.company_id, Number(r.won));
  return counts;
}

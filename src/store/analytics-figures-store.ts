import type { Queryable } from './db.js';

export interface StoredFigures<T> {
  figures: T;
  /** The moment the figures are as of. */
  computedAt: number;
  timezone: string;
}

/** A range's figures as last stored, or null when they were never computed. */
export async function readStoredFigures<T>(db: Queryable, rangeDays: number): Promise<StoredFigures<T> | null> {
  const [row] = await db.query<{ figures: T | null; computed_at: string | number | null; timezone: string | null }>(
    'SELECT figures, computed_at, timezone FROM analytics_figures WHERE range_days = $1',
    [rangeDays],
  );
  if (!row || row.figures === null || row.computed_at === null) return null;
  return { figures: row.figures, computedAt: Number(row.computed_at), timezone: row.timezone ?? '' };
}

/**
 * Takes the lease to recompute a range's figures, unless another process holds a lease not yet expired or the stored
 * figures are already as recent as `freshSince` (another process just stored them) in the same time zone. One statement: of two replicas
 * asking at once, one gets it.
 */
export async function claimRecompute(
  db: Queryable,
  rangeDays: number,
  o: { now: number; leaseMs: number; token: string; freshSince: number; timezone: string },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO analytics_figures (range_days, lease_until, lease_token) VALUES ($1, $2, $3)
     ON CONFLICT (range_days) DO UPDATE SET lease_until = EXCLUDED.lease_until, lease_token = EXCLUDED.lease_token
      WHERE (analytics_figures.lease_until IS NULL OR analytics_figures.lease_until < $4)
        AND (analytics_figures.computed_at IS NULL OR analytics_figures.computed_at < $5 OR analytics_figures.timezone IS DISTINCT FROM $6)
     RETURNING range_days`,
    [rangeDays, o.now + o.leaseMs, o.token, o.now, o.freshSince, o.timezone],
  );
  return rows.length > 0;
}

/** The figures being stored replace those stored: none stored, older ones, or ones counted in another time zone. */
const NEWER = `(analytics_figures.computed_at IS NULL OR analytics_figures.computed_at < EXCLUDED.computed_at
  OR analytics_figures.timezone IS DISTINCT FROM EXCLUDED.timezone)`;

/**
 * Stores a range's figures unless newer ones are stored already (a slower replica never overwrites a later
 * computation), and gives back the lease `token` held, if it is still this one's.
 */
export async function storeFigures<T>(db: Queryable, rangeDays: number, stored: StoredFigures<T>, token: string | null): Promise<void> {
  await db.query(
    `INSERT INTO analytics_figures (range_days, figures, timezone, computed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (range_days) DO UPDATE SET
       figures = CASE WHEN ${NEWER} THEN EXCLUDED.figures ELSE analytics_figures.figures END,
       timezone = CASE WHEN ${NEWER} THEN EXCLUDED.timezone ELSE analytics_figures.timezone END,
       computed_at = CASE WHEN ${NEWER} THEN EXCLUDED.computed_at ELSE analytics_figures.computed_at END,
       lease_until = CASE WHEN analytics_figures.lease_token = $5 THEN NULL ELSE analytics_figures.lease_until END,
       lease_token = CASE WHEN analytics_figures.lease_token = $5 THEN NULL ELSE analytics_figures.lease_token END`,
    [rangeDays, JSON.stringify(stored.figures), stored.timezone, stored.computedAt, token],
  );
}

/** Gives back a lease without storing (the computation failed), so the next request may try at once. */
export async function releaseLease(db: Queryable, rangeDays: number, token: string): Promise<void> {
  await db.query('UPDATE analytics_figures SET lease_until = NULL, lease_token = NULL WHERE range_days = $1 AND lease_token = $2', [rangeDays, token]);
}

/** The ranges someone asked for (they have a row): the scheduled refresh keeps those fresh. */
export async function storedRanges(db: Queryable): Promise<number[]> {
  const rows = await db.query<{ range_days: number }>('SELECT range_days FROM analytics_figures ORDER BY range_days');
  return rows.map((r) => Number(r.range_days));
}

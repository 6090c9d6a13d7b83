import type { Queryable } from './db.js';

/** Creates the budget windows once; afterwards they are only updated. */
export async function ensureBudgetWindows(db: Queryable, names: string[]): Promise<void> {
  for (const name of names) {
    await db.query('INSERT INTO call_budget (name, window_start, used) VALUES ($1, -1, 0) ON CONFLICT (name) DO NOTHING', [name]);
  }
}

/**
 * Takes one call from the named fixed window starting at `windowStart`, shared by every process on the
 * database. True when granted; false when the window's `limit` is used up.
 */
export async function takeFromWindow(db: Queryable, name: string, windowStart: number, limit: number): Promise<boolean> {
  const granted = await db.query(
    `UPDATE call_budget
        SET used = CASE WHEN window_start < $2 THEN 1 ELSE used + 1 END, window_start = GREATEST(window_start, $2)
      WHERE name = $1 AND (window_start < $2 OR used < $3)
      RETURNING used`,
    [name, windowStart, limit],
  );
  return granted.length > 0;
}

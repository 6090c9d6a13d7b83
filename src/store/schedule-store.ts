import type { Queryable } from './db.js';

/**
 * Claims one tick of a scheduled job for this process: every replica's timer fires, the first insert wins.
 * True when this process runs the tick.
 */
export async function claimTick(db: Queryable, job: string, tickAt: number): Promise<boolean> {
  const claimed = await db.query('INSERT INTO cron_ticks (job, tick_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [job, tickAt]);
  return claimed.length > 0;
}

/** Where a job that walks HubSpot's changes stopped; null before its first run. */
export async function readCursor(db: Queryable, job: string): Promise<number | null> {
  const [row] = await db.query<{ position: string | number }>('SELECT position FROM schedule_cursors WHERE job = $1', [job]);
  return row ? Number(row.position) : null;
}

/** Moves a cursor forward only: a slower replica's older position never moves it back. */
export async function advanceCursor(db: Queryable, job: string, position: number): Promise<void> {
  await db.query(
    `INSERT INTO schedule_cursors (job, position) VALUES ($1, $2)
     ON CONFLICT (job) DO UPDATE SET position = GREATEST(schedule_cursors.position, EXCLUDED.position), updated_at = now()`,
    [job, position],
  );
}

/**
 * Records when first100 started watching this portal: the first start of a server on this database (every later
 * start, and every other replica, finds it set). Stage changes from before it are history, never replayed.
 */
export async function recordWatchStart(db: Queryable, at: number): Promise<void> {
  await db.query('INSERT INTO watch_start (since) VALUES ($1) ON CONFLICT DO NOTHING', [at]);
}

/** When first100 started watching; null on a database no server has run on. */
export async function readWatchStart(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ since: string | number }>('SELECT since FROM watch_start');
  return row ? Number(row.since) : null;
}

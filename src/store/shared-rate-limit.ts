import type { Queryable } from './db.js';

/** Requests allowed per key within the window. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** One count to take: a key and the limit it is held to. */
export interface RateCount {
  key: string;
  limit: RateLimit;
}

/**
 * Counts one request for each key in the database, in one statement (one write however many limits apply), so
 * every replica on one PostgreSQL sees the same counts and a restart keeps them. A fixed window per key: at most
 * twice the limit gets through around a window's edge, which these limits allow for. A key's older windows are
 * deleted as it counts, so the table holds one row per active key. Returns the first refusal, or allowed.
 */
export async function takeSharedRates(db: Queryable, counts: RateCount[], now: number): Promise<RateDecision> {
  const windows = counts.map((c) => now - (now % c.limit.windowMs));
  const rows = await db.query<{ bucket: string; hits: number }>(
    `WITH input AS (SELECT * FROM unnest($1::text[], $2::bigint[]) AS x(bucket, window_start)),
          gone AS (DELETE FROM rate_limit_hits r USING input i WHERE r.bucket = i.bucket AND r.window_start < i.window_start)
     INSERT INTO rate_limit_hits (bucket, window_start, hits) SELECT bucket, window_start, 1 FROM input
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
     RETURNING bucket, hits`,
    [counts.map((c) => c.key), windows],
  );
  const hits = new Map(rows.map((r) => [r.bucket, Number(r.hits)]));
  for (const [i, c] of counts.entries()) {
    if ((hits.get(c.key) ?? 0) > c.limit.limit) return { allowed: false, retryAfterMs: windows[i]! + c.limit.windowMs - now };
  }
  return { allowed: true };
}

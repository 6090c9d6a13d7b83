import type { Queryable } from './db.js';

/** Requests allowed per key within the window. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface SharedRateLimiter {
  /** Counts one request for `key` in the database, so every replica on one PostgreSQL sees the same count. */
  take(key: string): Promise<RateDecision>;
}

/**
 * A fixed window per key, counted in the database (one upsert per request): replicas share it and a restart keeps
 * it. A fixed window lets at most twice the limit through around a window's edge, which these limits allow for.
 * The key's windows older than the current one are deleted as it counts, so the table holds one row per active key.
 */
export function createSharedRateLimiter(db: Queryable, { limit, windowMs }: RateLimit, clock: () => number): SharedRateLimiter {
  return {
    async take(key) {
      const now = clock();
      const windowStart = now - (now % windowMs);
      const [row] = await db.query<{ hits: number }>(
        `WITH gone AS (DELETE FROM rate_limit_hits WHERE bucket = $1 AND window_start < $2)
         INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
         RETURNING hits`,
        [key, windowStart],
      );
      return Number(row!.hits) <= limit ? { allowed: true } : { allowed: false, retryAfterMs: windowStart + windowMs - now };
    },
  };
}

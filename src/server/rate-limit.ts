export interface RateLimit {
  /** Requests allowed per key within the window. */
  limit: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one request for `key`; when over the limit, says how long until the oldest one leaves the window. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterMs: number };
}

/**
 * A sliding-window log per key, in this process's memory: each replica limits on its own, and a restart forgets.
 * At most `maxKeys` keys are kept (the least recently seen go first), so a flood of new keys cannot grow it.
 */
export function createRateLimiter({ limit, windowMs }: RateLimit, clock: () => number, maxKeys = 10_000): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      const now = clock();
      const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      hits.delete(key);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfterMs: recent[0]! + windowMs - now };
      }
      recent.push(now);
      hits.set(key, recent);
      if (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
      return { allowed: true };
    },
  };
}

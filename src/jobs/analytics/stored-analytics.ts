import { randomUUID } from 'node:crypto';
import { claimRecompute, readStoredFigures, releaseLease, storeFigures, type StoredFigures } from '../../store/analytics-figures-store.js';
import type { Queryable } from '../../store/db.js';
import type { AnalyticsFigures, RangeDays } from './analytics-figures.js';

/** Figures older than this are recomputed by the first request that finds them (the scheduled refresh runs more often). */
export const ANALYTICS_FRESH_MS = 10 * 60_000;
/** A process recomputing holds the range this long at most; past it (the process died), another may take it. */
const LEASE_MS = 60_000;

export interface StoredAnalyticsDeps {
  db: Queryable;
  clock: () => number;
  timezone: string;
  /** Aggregates the figures of a range as of a moment (computeAnalyticsFigures over the engine's store and calendar). */
  compute: (rangeDays: RangeDays, asOf: number) => Promise<AnalyticsFigures>;
  freshMs?: number;
}

export interface StoredAnalytics {
  /** The range's stored figures when fresh, else recomputed first (once however many ask at the same time). */
  figures(rangeDays: RangeDays): Promise<StoredFigures<AnalyticsFigures>>;
  /** Recomputes a range's figures if they are older than `maxAgeMs` and no other process is doing it. */
  refresh(rangeDays: RangeDays, maxAgeMs: number): Promise<'recomputed' | 'fresh' | 'taken by another process'>;
}

/**
 * Analytics change slowly, and aggregating them costs hundreds of milliseconds over 10,000 onboardings: they are
 * computed per range, stored, and served from the store while fresh. Concurrent requests of this process share one
 * recomputation; replicas on one PostgreSQL take a lease first, so at most one recomputes a range at a time, and
 * one that finds the lease taken serves the stored figures (their time shown) rather than recompute too. With
 * nothing stored yet it computes anyway: two replicas may then duplicate that one computation, and the later one
 * never overwrites newer figures.
 */
export function createStoredAnalytics(deps: StoredAnalyticsDeps): StoredAnalytics {
  const freshMs = deps.freshMs ?? ANALYTICS_FRESH_MS;
  const serving = new Map<RangeDays, Promise<StoredFigures<AnalyticsFigures>>>();
  const refreshing = new Map<RangeDays, Promise<StoredFigures<AnalyticsFigures> | null>>();
  const isFresh = (s: StoredFigures<AnalyticsFigures> | null, maxAgeMs: number, now: number): s is StoredFigures<AnalyticsFigures> =>
    s !== null && s.timezone === deps.timezone && s.computedAt >= now - maxAgeMs;

  /** Recomputes under the lease; null when another process holds it (or just stored fresh figures). */
  async function recomputeLeased(rangeDays: RangeDays, maxAgeMs: number): Promise<StoredFigures<AnalyticsFigures> | null> {
    const now = deps.clock();
    const token = randomUUID();
    if (!(await claimRecompute(deps.db, rangeDays, { now, leaseMs: LEASE_MS, token, freshSince: now - maxAgeMs, timezone: deps.timezone }))) return null;
    try {
      return await computeAndStore(rangeDays, now, token);
    } catch (error) {
      await releaseLease(deps.db, rangeDays, token).catch(() => {});
      throw error;
    }
  }

  async function computeAndStore(rangeDays: RangeDays, now: number, token: string | null): Promise<StoredFigures<AnalyticsFigures>> {
    const stored = { figures: await deps.compute(rangeDays, now), computedAt: now, timezone: deps.timezone };
    await storeFigures(deps.db, rangeDays, stored, token);
    return stored;
  }

  /** The work under way for this range if there is one, else `work` started: concurrent callers share one run. */
  function once<T>(inFlight: Map<RangeDays, Promise<T>>, rangeDays: RangeDays, work: () => Promise<T>): Promise<T> {
    let running = inFlight.get(rangeDays);
    if (!running) {
      running = work().finally(() => inFlight.delete(rangeDays));
      inFlight.set(rangeDays, running);
    }
    return running;
  }

  return {
    async figures(rangeDays) {
      const stored = await readStoredFigures<AnalyticsFigures>(deps.db, rangeDays);
      if (isFresh(stored, freshMs, deps.clock())) return stored;
      return once(serving, rangeDays, async () => {
        const leased = await recomputeLeased(rangeDays, freshMs);
        if (leased) return leased;
        // Another process is recomputing, or has just stored: serve what is stored now (its time shown); nothing
        // stored in this calendar's time zone, compute too.
        const stored = await readStoredFigures<AnalyticsFigures>(deps.db, rangeDays);
        return stored !== null && stored.timezone === deps.timezone ? stored : computeAndStore(rangeDays, deps.clock(), null);
      });
    },
    async refresh(rangeDays, maxAgeMs) {
      const stored = await readStoredFigures<AnalyticsFigures>(deps.db, rangeDays);
      if (isFresh(stored, maxAgeMs, deps.clock())) return 'fresh';
      return (await once(refreshing, rangeDays, () => recomputeLeased(rangeDays, maxAgeMs))) ? 'recomputed' : 'taken by another process';
    },
  };
}

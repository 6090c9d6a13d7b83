import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnalyticsFigures, RangeDays } from '../../src/jobs/analytics/analytics-figures.js';
import { createStoredAnalytics } from '../../src/jobs/analytics/stored-analytics.js';
import { openDb, type Db } from '../../src/store/db.js';
import { freshDataDir } from '../support/start-server.js';

const MINUTE = 60_000;
let db: Db;
let dir: string;
beforeAll(async () => {
  dir = await freshDataDir();
  db = await openDb({ dataDir: dir });
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.query('DELETE FROM analytics_figures');
});

/** Figures that say which computation made them (their `to` is the moment asked), and a count of computations. */
function computer(delayMs = 20) {
  const calls: number[] = [];
  let release: () => void = () => {};
  let gate = Promise.resolve();
  return {
    calls,
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
    async compute(rangeDays: RangeDays, asOf: number): Promise<AnalyticsFigures> {
      calls.push(asOf);
      await gate;
      await new Promise((r) => setTimeout(r, delayMs));
      const none = { key: '', count: 0, median: null, p80: null };
      return { rangeDays, from: asOf - rangeDays * 86_400_000, to: asOf, bucket: 'week', durations: [], toActivate: none, toAccomplish: none, onTime: { byPm: [], byTask: [] }, points: [], rates: [], acceptance: { accepted: 0, acceptedShare: null }, asked: [] };
    },
  };
}

function replica(clock: () => number, c: ReturnType<typeof computer>, timezone = 'Europe/Rome') {
  return createStoredAnalytics({ db, clock, timezone, compute: (r, at) => c.compute(r, at) });
}

describe('stored analytics', () => {
  it('computes once for many concurrent requests, then serves the stored figures until they are 10 minutes old', async () => {
    let now = 1_000_000_000_000;
    const c = computer();
    const analytics = replica(() => now, c);
    const answers = await Promise.all(Array.from({ length: 8 }, () => analytics.figures(90)));
    expect(c.calls).toEqual([now]);
    expect(new Set(answers.map((a) => a.computedAt))).toEqual(new Set([now]));

    now += 10 * MINUTE;
    expect((await analytics.figures(90)).computedAt).toBe(now - 10 * MINUTE);
    expect(c.calls).toHaveLength(1);
    now += 1;
    expect((await analytics.figures(90)).computedAt).toBe(now);
    expect(c.calls).toHaveLength(2);
  });

  it('two replicas on one store: one recomputes stale figures under the lease, the other serves the stored ones meanwhile', async () => {
    let now = 1_000_000_000_000;
    const a = computer();
    const b = computer();
    await replica(() => now, a).figures(30);
    now += 11 * MINUTE;
    a.hold();
    const first = replica(() => now, a).figures(30);
    await new Promise((r) => setTimeout(r, 50)); // the first replica holds the lease and is computing
    const second = await replica(() => now, b).figures(30);
    expect(b.calls).toEqual([]);
    expect(second.computedAt).toBe(now - 11 * MINUTE);
    a.release();
    expect((await first).computedAt).toBe(now);
    expect((await replica(() => now, b).figures(30)).computedAt).toBe(now);
    expect(b.calls).toEqual([]);
  });

  it('never lets a slower computation overwrite newer figures, and recomputes figures of another time zone', async () => {
    let now = 1_000_000_000_000;
    const slow = computer(200);
    const fast = computer();
    // Nothing stored yet and the lease taken by the slow replica: the other computes too (the one duplicate allowed).
    const late = replica(() => now, slow).figures(365);
    await new Promise((r) => setTimeout(r, 20));
    now += MINUTE;
    const early = await replica(() => now, fast).figures(365);
    expect(early.computedAt).toBe(now);
    await late;
    const [row] = await db.query<{ computed_at: string; lease_token: string | null }>('SELECT computed_at, lease_token FROM analytics_figures WHERE range_days = 365');
    expect([Number(row!.computed_at), row!.lease_token]).toEqual([now, null]);

    const utc = computer();
    expect((await replica(() => now, utc, 'UTC').figures(365)).timezone).toBe('UTC');
    expect(utc.calls).toEqual([now]);
  });

  it('lets another replica take over a lease whose holder died, and the scheduled refresh skips fresh figures', async () => {
    let now = 1_000_000_000_000;
    const c = computer();
    await db.query('INSERT INTO analytics_figures (range_days, lease_until, lease_token) VALUES (90, $1, $2)', [now + 30_000, 'dead']);
    const analytics = replica(() => now, c);
    expect(await analytics.refresh(90, 4 * MINUTE)).toBe('taken by another process');
    now += 31_000;
    expect(await analytics.refresh(90, 4 * MINUTE)).toBe('recomputed');
    expect(await analytics.refresh(90, 4 * MINUTE)).toBe('fresh');
    now += 4 * MINUTE + 1;
    expect(await analytics.refresh(90, 4 * MINUTE)).toBe('recomputed');
    expect(c.calls).toHaveLength(2);
  });
});

import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallBudget, createCallBudgetTry } from '../../src/hubspot/call-budget.js';
import { openDb, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrations.js';
import { freshDataDir } from '../support/start-server.js';

let db: Db;
let dir: string;
beforeAll(async () => {
  dir = await freshDataDir();
  db = await openDb({ dataDir: dir });
  await migrate(db);
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

function fakeTime(start: number) {
  const time = { now: start, slept: [] as number[] };
  return {
    time,
    now: () => time.now,
    sleep: async (ms: number) => {
      time.slept.push(ms);
      time.now += ms;
    },
  };
}

describe('the shared call budget', () => {
  it('spaces calls to a tenth of the 10-second share per second, across two replicas on one database', async () => {
    await db.query('DELETE FROM call_budget');
    const clock = fakeTime(Date.parse('2026-12-04T10:00:00.250Z'));
    const settings = { db, per10s: 20, perDay: 1000, timezone: 'Europe/Rome', now: clock.now, sleep: clock.sleep };
    const replicaA = await createCallBudget(settings);
    const replicaB = await createCallBudget(settings);
    await replicaA();
    await replicaB();
    expect(clock.time.slept).toEqual([]);
    await replicaA(); // the second's two calls are spent: wait for the next second
    expect(clock.time.slept).toEqual([750]);
    await replicaB();
    await replicaA(); // third call of that second: wait again
    expect(clock.time.slept).toEqual([750, 1000]);
  });

  it('refuses with RATE_LIMIT_DAILY once the day\'s share is spent, and grants again after local midnight', async () => {
    await db.query('DELETE FROM call_budget');
    const clock = fakeTime(Date.parse('2026-12-04T22:00:00Z')); // 23:00 in Rome
    const acquire = await createCallBudget({ db, per10s: 100, perDay: 2, timezone: 'Europe/Rome', now: clock.now, sleep: clock.sleep });
    await acquire();
    await acquire();
    await expect(acquire()).rejects.toMatchObject({ code: 'RATE_LIMIT_DAILY' });
    clock.time.now = Date.parse('2026-12-04T23:00:30Z'); // 00:00:30 in Rome, the next day
    await expect(acquire()).resolves.toBeUndefined();
  });

  it('a try never waits: it takes a call when the second and the day have one, and refuses at once when either is spent', async () => {
    await db.query('DELETE FROM call_budget');
    const clock = fakeTime(Date.parse('2026-12-04T10:00:00.250Z'));
    const settings = { db, per10s: 20, perDay: 5, timezone: 'Europe/Rome', now: clock.now, sleep: clock.sleep };
    const acquire = await createCallBudget(settings);
    const tryCall = await createCallBudgetTry(settings);
    await acquire(); // the worker's call
    expect(await tryCall()).toBe(true); // the second's other slot
    expect(await tryCall()).toBe(false); // spent this second: no waiting
    expect(clock.time.slept).toEqual([]);
    clock.time.now += 1000;
    expect(await tryCall()).toBe(true);
    await acquire(); // 4 of the day's 5 calls used
    clock.time.now += 1000;
    expect(await tryCall()).toBe(true);
    clock.time.now += 1000;
    expect(await tryCall()).toBe(false); // the day's share is spent
    await expect(acquire()).rejects.toMatchObject({ code: 'RATE_LIMIT_DAILY' });
  });
});

import { DateTime } from 'luxon';
import type { Db } from '../store/db.js';
import { ensureBudgetWindows, takeFromWindow } from '../store/call-budget-store.js';
import { HubSpotError } from './hubspot-error.js';

export interface CallBudgetSettings {
  db: Db;
  /** Our share of HubSpot's per-app 10-second limit. */
  per10s: number;
  /** Our share of the account's daily limit; it resets at midnight in `timezone`. */
  perDay: number;
  timezone: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Search requests have their own limit on top of the others: 5 per second per account. */
export type CallKind = 'call' | 'search';
export type AcquireCall = (kind?: CallKind) => Promise<void>;
/** Takes one call now if the budget has one, without waiting: true when taken. */
export type TryCall = () => Promise<boolean>;

/**
 * One search per quarter-second window: at most 4 in any clock second and 5 in any rolling one, HubSpot's
 * search limit, however the replicas interleave.
 */
export const SEARCH_WINDOW_MS = 250;

/**
 * A call budget shared by every replica on the database: one-second windows of a tenth of the 10-second share
 * (so any rolling 10 s sees at most 1.1 × the share), a daily window, and for searches their own windows. Waits for a slot; throws
 * RATE_LIMIT_DAILY when the day's share is spent, so the caller defers the work to midnight.
 */
export async function createCallBudget(s: CallBudgetSettings): Promise<AcquireCall> {
  const now = s.now ?? Date.now;
  const sleep = s.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  await ensureBudgetWindows(s.db, ['second', 'day', 'search']);
  return async function acquire(kind: CallKind = 'call') {
    while (kind === 'search') {
      const t = now();
      const window = Math.floor(t / SEARCH_WINDOW_MS) * SEARCH_WINDOW_MS;
      if (await takeFromWindow(s.db, 'search', window, 1)) break;
      await sleep(window + SEARCH_WINDOW_MS - t);
    }
    for (;;) {
      const t = now();
      const taken = await takeCall(s, t);
      if (taken === 'granted') return;
      if (taken === 'second-full') {
        await sleep(Math.floor(t / 1000) * 1000 + 1000 - t);
        continue;
      }
      throw new HubSpotError('RATE_LIMIT_DAILY', `first100's daily share of HubSpot calls (${s.perDay}) is used up; work resumes after midnight (raise HUBSPOT_CALLS_PER_DAY to allow more)`);
    }
  };
}

/**
 * The same budget for a caller that must not wait (a card's quick read): one try at this second's and this day's
 * windows. False when either is spent; the caller does without the call.
 */
export async function createCallBudgetTry(s: Omit<CallBudgetSettings, 'sleep'>): Promise<TryCall> {
  const now = s.now ?? Date.now;
  await ensureBudgetWindows(s.db, ['second', 'day']);
  return async () => (await takeCall(s, now())) === 'granted';
}

async function takeCall(s: Omit<CallBudgetSettings, 'sleep'>, t: number): Promise<'granted' | 'second-full' | 'day-spent'> {
  const perSecond = Math.max(1, Math.floor(s.per10s / 10));
  if (!(await takeFromWindow(s.db, 'second', Math.floor(t / 1000) * 1000, perSecond))) return 'second-full';
  const day = DateTime.fromMillis(t, { zone: s.timezone }).startOf('day').toMillis();
  return (await takeFromWindow(s.db, 'day', day, s.perDay)) ? 'granted' : 'day-spent';
}

import { DateTime } from 'luxon';
import { HubSpotError } from '../hubspot/hubspot-error.js';
import type { Engine } from './engine.js';

/** When to try again after a failure: a used-up daily limit waits for the account's midnight; else the usual backoff. */
export function retryDelay(error: unknown, engine: Pick<Engine, 'clock' | 'calendar'>): number | undefined {
  if (error instanceof HubSpotError && error.code === 'RATE_LIMIT_DAILY') {
    const now = DateTime.fromMillis(engine.clock(), { zone: engine.calendar.timezone });
    return now.plus({ days: 1 }).startOf('day').plus({ minutes: 1 }).toMillis() - now.toMillis();
  }
  return undefined;
}

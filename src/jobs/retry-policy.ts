import { DateTime } from 'luxon';
import { MailSendError } from '../email/mail-transport.js';
import { HubSpotError } from '../hubspot/hubspot-error.js';
import type { AttemptFailure } from '../store/claim.js';
import type { Engine } from './engine.js';

/**
 * What a failed attempt means for the next one, decided here for every kind of work: HubSpot answering 5xx or
 * 429 (of any policy), or not answering at all, may recover, so that work waits for as long as it takes; a
 * refusal that cannot change (a 4xx for this input) fails after its attempts with HubSpot's reason. A used-up
 * daily limit waits for the account's midnight.
 */
export function failureOf(error: unknown, engine: Pick<Engine, 'clock' | 'calendar'>, inDoubt = false): AttemptFailure {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof HubSpotError) {
    return { reason, transient: error.retryable, inDoubt: inDoubt || error.inDoubt, delayMs: error.code === 'RATE_LIMIT_DAILY' ? untilMidnight(engine) : undefined };
  }
  if (error instanceof MailSendError) return { reason, transient: !error.permanent, inDoubt };
  // Our own code or the database: counted, so a bug shows as failed work with its reason instead of spinning.
  return { reason, transient: false, inDoubt };
}

/** A refusal HubSpot gave for one input (a 207 entry, or a 4xx for a batch of one): permanent, never in doubt. */
export function refusal(reason: string): AttemptFailure {
  return { reason, transient: false, inDoubt: false };
}

function untilMidnight(engine: Pick<Engine, 'clock' | 'calendar'>): number {
  const now = DateTime.fromMillis(engine.clock(), { zone: engine.calendar.timezone });
  return now.plus({ days: 1 }).startOf('day').plus({ minutes: 1 }).toMillis() - now.toMillis();
}

import { ONBOARDING_DAYS } from './onboarding-day.js';

const DAY_MS = 24 * 3600_000;

/** A client link stays valid for the whole onboarding (100 days from day zero) and then `graceDays` more. */
export const DEFAULT_CLIENT_LINK_GRACE_DAYS = 30;

/**
 * When a link issued at `now` stops working: the onboarding's end plus the grace, counted from day zero (or from
 * `now` for a deal with no day zero yet). A link issued late in the grace still gets at least `graceDays` from now,
 * so an email sent after the 100 days never carries a link that is dead on arrival.
 */
export function clientLinkExpiresAt(dayZero: number | null, now: number, graceDays: number): number {
  const fromOnboarding = (dayZero ?? now) + (ONBOARDING_DAYS + graceDays) * DAY_MS;
  return Math.max(fromOnboarding, now + graceDays * DAY_MS);
}

/**
 * What counts as the client speaking with us, for silence: engagements on the deal that first100's own writes can
 * never be. first100 logs only the emails it sends (outgoing, `hs_email_direction` EMAIL, with its marker); it never
 * logs a call, a meeting or an incoming email. So: an email the client sent, a call that connected, a meeting that
 * took place — whoever logged it. An email someone on the team sent does not end a silence: the client did not answer.
 */

/** The kinds of engagement read, in the order the sweep asks for them (the most frequent first). */
export const CONTACT_KINDS = ['incoming-email', 'call', 'meeting'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface DealEngagement {
  kind: ContactKind;
  /** `hs_timestamp`: when the email arrived, the call was made, the meeting started; null if HubSpot has none. */
  at: number | null;
  /** `hs_email_direction`, `hs_call_status` or `hs_meeting_outcome`, as HubSpot gives it; null when empty. */
  state: string | null;
}

/** Call statuses of a call that never connected (HubSpot's calls API); a call logged by hand usually has none. */
const CALL_NOT_CONNECTED = new Set(['BUSY', 'CALLING_CRM_USER', 'CANCELED', 'CONNECTING', 'FAILED', 'MISSED', 'NO_ANSWER', 'QUEUED', 'RINGING']);
/** Meeting outcomes of a meeting that did not take place (HubSpot's meetings API). */
const MEETING_NOT_HELD = new Set(['CANCELED', 'NO_SHOW', 'RESCHEDULED']);

const normalised = (state: string | null) => (state ?? '').trim().toUpperCase().replace(/[\s-]+/g, '_');

/** Whether an engagement is the client in contact with us, at or before `now` (a meeting still to come is not). */
export function isClientContact(e: DealEngagement, now: number): boolean {
  if (e.at === null || e.at > now) return false;
  const state = normalised(e.state);
  if (e.kind === 'incoming-email') return state === 'INCOMING_EMAIL';
  if (e.kind === 'call') return !CALL_NOT_CONNECTED.has(state);
  return !MEETING_NOT_HELD.has(state);
}

/** The latest moment of client contact among the engagements; null if none counts. */
export function latestClientContact(engagements: DealEngagement[], now: number): number | null {
  let latest: number | null = null;
  for (const e of engagements) if (isClientContact(e, now) && (latest === null || e.at! > latest)) latest = e.at;
  return latest;
}

import { CADENCES, CHANNELS } from './handoff-items.js';
import type { Phase } from './phases.js';

/** Phases where first100 takes the quieter role: the client owns the relationship. */
const QUIET_PHASES: readonly Phase[] = ['adopt', 'advocate'];

export type Cadence = (typeof CADENCES)[number];
export type Channel = (typeof CHANNELS)[number];

/** The shortest time between two progress updates, per cadence the client chose (a little slack for weekends). */
const MIN_SPACING_DAYS: Record<Cadence, number | null> = { weekly: 5, every_two_weeks: 11, monthly: 25, at_milestones: null };
const DAY = 86_400_000;
const CADENCE_WORDS: Record<Cadence, string> = { weekly: 'weekly', every_two_weeks: 'fortnightly', monthly: 'monthly', at_milestones: 'milestone' };

export interface ProgressRoutingInput {
  /** What the client chose at the handoff; null when it was not recorded. */
  channel: Channel | null;
  cadence: Cadence | null;
  /** The update is one of the playbook's checkpoints (day 30, 60…): a milestone. */
  atCheckpoint: boolean;
  /** The last progress update given to the client (an email sent or a call planned); null if none. */
  lastUpdateAt: number | null;
  /** The update comes from the client's cadence (planned at the handoff), not from the playbook. */
  byCadence?: boolean;
  /** The deal's phase when the update falls due. */
  phase?: Phase | null;
  now: number;
}

export type ProgressRoute = { kind: 'email' } | { kind: 'call' } | { kind: 'skip'; reason: string };

/**
 * How a progress update reaches the client, as they chose in the handoff: not more often than their cadence (at
 * milestones only: the checkpoints), and by phone (a call task for the PM) when that is their channel. Without a
 * recorded choice, the playbook's updates go out as emails.
 */
export function routeProgressUpdate(i: ProgressRoutingInput): ProgressRoute {
  if (i.byCadence && i.phase && QUIET_PHASES.includes(i.phase)) return { kind: 'skip', reason: 'from adopt on the client leads the relationship: no more scheduled progress updates' };
  if (i.cadence === 'at_milestones' && !i.atCheckpoint) return { kind: 'skip', reason: 'the client asked for updates at milestones only (handoff)' };
  const spacing = i.cadence ? MIN_SPACING_DAYS[i.cadence] : null;
  if (spacing !== null && i.lastUpdateAt !== null && i.now - i.lastUpdateAt < spacing * DAY) {
    const days = Math.floor((i.now - i.lastUpdateAt) / DAY);
    return { kind: 'skip', reason: `the client asked for ${CADENCE_WORDS[i.cadence!]} updates (handoff) and the last one was ${days === 1 ? '1 day' : `${days} days`} ago` };
  }
  return i.channel === 'phone' ? { kind: 'call' } : { kind: 'email' };
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isCadence(value: unknown): value is Cadence {
  return typeof value === 'string' && (CADENCES as readonly string[]).includes(value);
}

/** Business days between two progress updates the client asked for ("at milestones": the checkpoints only). */
const CADENCE_BUSINESS_DAYS: Record<Cadence, number | null> = { weekly: 5, every_two_weeks: 10, monthly: 20, at_milestones: null };

/**
 * When the progress updates of the client's cadence fall due, from the moment the handoff is accepted until the
 * end of the first 100 days. The playbook's own updates still go; the spacing rule above keeps the two from
 * arriving close together.
 */
export function cadenceUpdateTimes(cadence: Cadence | null, from: number, until: number, dueAfter: (from: number, businessDays: number) => number): number[] {
  const step = cadence ? CADENCE_BUSINESS_DAYS[cadence] : null;
  if (step === null) return [];
  const times: number[] = [];
  for (let at = dueAfter(from, step); at <= until && times.length < 30; at = dueAfter(at, step)) times.push(at);
  return times;
}

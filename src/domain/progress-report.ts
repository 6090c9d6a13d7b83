import { PHASES, phaseIndex, type Phase } from './phases.js';

/** What a progress update reports, from what first100 recorded of the deal (never from guesses). */
export interface ProgressReport {
  /** The phases behind the client, each with the moment it began and ended, oldest first. */
  done: { phase: Phase; from: number; to: number }[];
  /** The phase the client is in now, since when. */
  current: { phase: Phase; since: number } | null;
  /** What comes next with its date where first100 knows one: the next checkpoints, then the next phase. */
  next: ({ kind: 'checkpoint'; day: number; at: number } | { kind: 'kickoff'; at: number } | { kind: 'phase'; phase: Phase })[];
}

export interface ProgressFacts {
  /** The deal's phase entries, in the order they happened. */
  entries: { phase: Phase; enteredAt: number }[];
  /** The playbook's checkpoints with the moment each begins for this deal. */
  checkpoints: { day: number; at: number }[];
  /** The kickoff date the handoff recorded, as the start of that day; null when none. */
  kickoffAt: number | null;
  now: number;
}

/** At most this many checkpoints ahead are named: the next one or two are what a client plans around. */
const CHECKPOINTS_AHEAD = 2;

/**
 * Where the client stands: the phases they went through (a phase gone back to is reported once, at its latest
 * stay), the one they are in, and what comes next with dates. Pure: time comes in as `now`.
 */
export function progressReport({ entries, checkpoints, kickoffAt, now }: ProgressFacts): ProgressReport {
  const past = entries.filter((e) => e.enteredAt <= now);
  const last = past[past.length - 1];
  let done: ProgressReport['done'] = [];
  for (const [i, e] of past.slice(0, -1).entries()) {
    const after = past[i + 1]!;
    // Moving back undoes what lay beyond; moving forward puts the phase behind the client (its latest stay counts).
    done = done.filter((d) => phaseIndex(d.phase) < Math.min(phaseIndex(e.phase), phaseIndex(after.phase)));
    if (phaseIndex(after.phase) > phaseIndex(e.phase)) done.push({ phase: e.phase, from: e.enteredAt, to: after.enteredAt });
  }
  const next: ProgressReport['next'] = [];
  if (kickoffAt !== null && kickoffAt > now && (!last || phaseIndex(last.phase) <= phaseIndex('activate'))) next.push({ kind: 'kickoff', at: kickoffAt });
  for (const c of checkpoints.filter((c) => c.at > now).slice(0, CHECKPOINTS_AHEAD)) next.push({ kind: 'checkpoint', day: c.day, at: c.at });
  const following = last ? PHASES[phaseIndex(last.phase) + 1] : undefined;
  if (following && following !== 'advocate') next.push({ kind: 'phase', phase: following });
  return { done, current: last ? { phase: last.phase, since: last.enteredAt } : null, next };
}

import { BETTER_END } from './feedback-scales.js';
import type { SurveyKind } from './feedback-scoring.js';
import type { Playbook } from './playbook-schema.js';
import { PHASES } from './phases.js';

/**
 * Outside-in validation of the journey (the seed on the customer journey): the team rates a surveyed touchpoint
 * from its side, on the client's own scale, and the two views are set side by side. A gap of two points or more
 * means the team's map of the journey is not what the client lives.
 */

export interface Touchpoint {
  survey: SurveyKind;
  touchpoint: string;
}

/** A gap this large (in points of the touchpoint's own scale) is flagged. */
export const GAP_TO_FLAG = 2;

const keyOf = (t: Touchpoint) => `${t.survey}\u0000${t.touchpoint}`;

/** The touchpoints the playbook asks clients about, in the order a client meets them: phase by phase, then checkpoints by day. */
export function surveyedTouchpoints(playbook: Playbook): Touchpoint[] {
  const emails = [...PHASES.flatMap((p) => playbook.phases[p]?.emails ?? []), ...playbook.checkpoints.flatMap((c) => c.emails)];
  return unique(emails.flatMap((e) => (e.survey && e.touchpoint ? [{ survey: e.survey, touchpoint: e.touchpoint }] : [])));
}

/** What the team may rate on a deal: the playbook's surveyed touchpoints, then any other its client was asked about (by a workflow). */
export function rateableTouchpoints(playbook: Playbook, askedOnDeal: Touchpoint[]): Touchpoint[] {
  return unique([...surveyedTouchpoints(playbook), ...askedOnDeal]);
}

export function isAmong(touchpoints: Touchpoint[], t: Touchpoint): boolean {
  return touchpoints.some((x) => keyOf(x) === keyOf(t));
}

/** One side's view: the mean of its scores (one per team member, or one per client contact) and how many there are. */
export interface SideView {
  mean: number;
  count: number;
}

export interface TouchpointComparison extends Touchpoint {
  team: SideView | null;
  client: SideView | null;
  /** How far apart the two views are, in points of the scale; null until both sides have spoken. */
  gap: number | null;
  flagged: boolean;
  /** Whether the team thinks it went better than the client says (for effort, better is lower); null without a gap. */
  teamSeesBetter: boolean | null;
}

/**
 * The team's view beside the client's for each touchpoint listed, then for any other that has a score: scores are
 * compared only within one touchpoint and one survey, so only within one scale.
 */
export function compareTouchpoints(listed: Touchpoint[], team: (Touchpoint & { score: number })[], client: (Touchpoint & { score: number })[]): TouchpointComparison[] {
  const all = unique([...listed, ...team, ...client].map(({ survey, touchpoint }) => ({ survey, touchpoint })));
  return all.map((t) => {
    const teamView = sideView(team.filter((s) => keyOf(s) === keyOf(t)).map((s) => s.score));
    const clientView = sideView(client.filter((s) => keyOf(s) === keyOf(t)).map((s) => s.score));
    if (!teamView || !clientView) return { ...t, team: teamView, client: clientView, gap: null, flagged: false, teamSeesBetter: null };
    const difference = teamView.mean - clientView.mean;
    const gap = Math.abs(difference);
    return {
      ...t,
      team: teamView,
      client: clientView,
      gap,
      // Rounded as shown: a gap shown as "2" is flagged, never one of 1.99999 left out by float arithmetic.
      flagged: Math.round(gap * 10) / 10 >= GAP_TO_FLAG,
      teamSeesBetter: gap === 0 ? null : BETTER_END[t.survey] === 'higher' ? difference > 0 : difference < 0,
    };
  });
}

function sideView(scores: number[]): SideView | null {
  if (scores.length === 0) return null;
  return { mean: scores.reduce((a, b) => a + b, 0) / scores.length, count: scores.length };
}

function unique(list: Touchpoint[]): Touchpoint[] {
  const seen = new Set<string>();
  return list.filter((t) => !seen.has(keyOf(t)) && Boolean(seen.add(keyOf(t))));
}

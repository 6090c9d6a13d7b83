import { HEALTH_PRECEDENCE } from './health/compute-health.js';
import { PHASES } from './phases.js';

/**
 * Which health needs someone first: the computed health's own order of precedence (at risk, silent, stuck, behind,
 * needs attention), then on track. A value this list does not know ranks just before on_track (it is shown, never
 * hidden). The store ranks the portfolio by this list (src/store/portfolio-reads.ts), then by days past the phase's
 * expected time, then by days in the phase.
 */
export const NEEDS_ACTION_ORDER: readonly string[] = [...HEALTH_PRECEDENCE, 'on_track'];

export interface PortfolioFilter {
  pm?: string;
  phase?: string;
  health?: string;
  pipeline?: string;
  /** "My onboardings": the deals whose PM is one of these owners (the signed-in user's); empty, none matches. */
  mine?: string[];
}

/**
 * The owners "My onboardings" keeps: the signed-in user's own, when first100 knows which owner they are. A user who
 * is not (yet) a HubSpot owner first100 stored sees no deal, never everyone's. Absent when "mine" was not asked.
 */
export function mineFilter(mine: boolean, myOwnerId: string | null): Pick<PortfolioFilter, 'mine'> {
  if (!mine) return {};
  return { mine: myOwnerId ? [myOwnerId] : [] };
}

export interface PhaseHealthCount {
  phase: string;
  health: string;
  count: number;
}

function rank(health: string): number {
  const i = NEEDS_ACTION_ORDER.indexOf(health);
  return i === -1 ? NEEDS_ACTION_ORDER.length - 1.5 : i;
}

/** The chart's bars in order: phases in journey order, within a phase healths in needs-action order; empty ones left out. */
export function chartOrder(counts: PhaseHealthCount[]): PhaseHealthCount[] {
  const phase = (p: string) => (PHASES as readonly string[]).indexOf(p);
  return counts.filter((c) => c.count > 0).sort((a, b) => phase(a.phase) - phase(b.phase) || rank(a.health) - rank(b.health));
}

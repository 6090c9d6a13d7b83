import { PHASES } from './phases.js';

/**
 * Which health needs someone first: a client who said something bad, then work past its time (stuck, then
 * behind), then a client gone quiet, then a lukewarm answer. Strings, not the Health type: the computed health adds
 * values, and a value this list does not know ranks just before on_track (it is shown, never hidden).
 */
export const NEEDS_ACTION_ORDER: readonly string[] = ['at_risk', 'stuck', 'behind', 'silent', 'needs_attention', 'on_track'];

export interface RankedDeal {
  dealId: string;
  phase: string;
  pmOwnerId: string | null;
  pipelineId: string | null;
  health: { value: string };
  /** Business days in the current phase, and how many the playbook expects (null: no expectation). */
  daysInPhase: number;
  expectedDays: number | null;
}

export interface PortfolioFilter {
  pm?: string;
  phase?: string;
  health?: string;
  pipeline?: string;
}

function rank(health: string): number {
  const i = NEEDS_ACTION_ORDER.indexOf(health);
  return i === -1 ? NEEDS_ACTION_ORDER.length - 1.5 : i;
}

/** How far past its expected time a deal is (0 when within it or when nothing is expected). */
export function overrun(d: Pick<RankedDeal, 'daysInPhase' | 'expectedDays'>): number {
  return d.expectedDays === null ? 0 : Math.max(0, d.daysInPhase - d.expectedDays);
}

/** Needing action first: by health, then the longest overrun, then the longest time in phase; ties by deal id. */
export function compareNeedingAction(a: RankedDeal, b: RankedDeal): number {
  return (
    rank(a.health.value) - rank(b.health.value) ||
    overrun(b) - overrun(a) ||
    b.daysInPhase - a.daysInPhase ||
    (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0)
  );
}

export function matchesFilter(d: RankedDeal, f: PortfolioFilter): boolean {
  return (
    (f.pm === undefined || d.pmOwnerId === f.pm) &&
    (f.phase === undefined || d.phase === f.phase) &&
    (f.health === undefined || d.health.value === f.health) &&
    (f.pipeline === undefined || d.pipelineId === f.pipeline)
  );
}

export interface PhaseHealthCount {
  phase: string;
  health: string;
  count: number;
}

/** Deals per phase split by health, for the bar chart: phases in journey order, healths in needs-action order. */
export function dealsPerPhaseByHealth(deals: RankedDeal[]): PhaseHealthCount[] {
  const counts = new Map<string, number>();
  for (const d of deals) counts.set(`${d.phase}\u0000${d.health.value}`, (counts.get(`${d.phase}\u0000${d.health.value}`) ?? 0) + 1);
  const healths = [...new Set(deals.map((d) => d.health.value))].sort((a, b) => rank(a) - rank(b));
  return PHASES.flatMap((phase) => healths.map((health) => ({ phase, health, count: counts.get(`${phase}\u0000${health}`) ?? 0 }))).filter((c) => c.count > 0);
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Where the next page starts; null on the last page. */
  next: number | null;
}

export function pageOf<T>(items: T[], start: number, size: number): Page<T> {
  const end = start + size;
  return { items: items.slice(start, end), total: items.length, next: end < items.length ? end : null };
}

/** The distinct values of a field, for the filters' choices (nulls left out), sorted. */
export function choicesOf<T>(deals: T[], field: (d: T) => string | null): string[] {
  return [...new Set(deals.map(field).filter((v): v is string => v !== null))].sort();
}

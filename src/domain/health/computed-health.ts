import type { Phase } from '../phases.js';
import type { Health } from '../status-labels.js';
import type { HealthReason } from './health-reasons.js';

/** A deal's health as first100 computes it (compute-health.ts), with what the card and the app pages show of it. */
export interface ComputedHealth {
  health: Health;
  /** Every rule that fired, most severe first; empty when on track. */
  reasons: HealthReason[];
  phase: Phase;
  /** Business days since the phase was entered (0 on the entry date). */
  businessDaysInPhase: number;
  /** The playbook's `expected.businessDays` for the phase; null when it sets none. */
  expectedBusinessDays: number | null;
  /** Tasks (first100's and the client's) whose due moment has passed, and how many of those are still open. */
  dueTasks: number;
  overdueTasks: number;
  /** YYYY-MM-DD dates in the playbook's time zone; null when the playbook sets no expected durations or no day zero. */
  plannedGoLive: string | null;
  projectedGoLive: string | null;
  /** Business days the projected go-live is later than the planned one (negative: earlier). */
  slipBusinessDays: number | null;
}

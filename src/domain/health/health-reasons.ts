import type { SurveyKind } from '../feedback-scoring.js';
import type { Phase } from '../phases.js';

/** A task counted by the "behind" rule: one first100 created in HubSpot, or one the client was given. */
export interface OverdueTask {
  title: string;
  /** The local date it was due, YYYY-MM-DD. */
  dueDate: string;
  source: 'first100' | 'client';
  /** Business days from its due date to the day the health was computed (0: due today); absent in reasons stored before it was kept. */
  businessDaysOverdue?: number;
}

/**
 * Why a deal has the health it has: one entry per rule that fired, most severe first (the first names the health).
 * Stored as JSON in `deal_health.reasons`; the texts for HubSpot and the card are rendered from it.
 */
export type HealthReason =
  | { kind: 'detractor-answer'; survey: SurveyKind; score: number; at: number }
  | { kind: 'silent'; since: number }
  | { kind: 'over-expected'; phase: Phase; businessDaysInPhase: number; expectedBusinessDays: number; overBy: number }
  | { kind: 'overdue-tasks'; open: number; due: number; tasks: OverdueTask[] }
  | { kind: 'lukewarm-answer'; survey: SurveyKind; score: number; at: number };

export type HealthReasonKind = HealthReason['kind'];

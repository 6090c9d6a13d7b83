import type { Phase } from './phases.js';

/** What first100 knows of a deal when it plans: read from HubSpot, never guessed. */
export interface DealSnapshot {
  id: string;
  name: string;
  pipeline: string | null;
  ownerId: string | null;
  /** The owner id in the deal's `first100_pm_owner` property. */
  pmOwnerId: string | null;
  closeDate: number | null;
  company: { id: string; name: string } | null;
  contactIds: string[];
  /** Association labels of each contact on this deal (HubSpot v4 `label`), when read; emails pick recipients by them. */
  contactLabels?: Record<string, string[]>;
}

/** Where a deal stands in onboarding, as our store records it. */
export interface OnboardingState {
  phase: Phase | null;
  enteredAt: number | null;
  /** `occurredAt` of the last stage change applied; older ones are stale. */
  lastChangeAt: number | null;
  lost: boolean;
  dayZero: number | null;
}

export const NOT_IN_ONBOARDING: OnboardingState = {
  phase: null,
  enteredAt: null,
  lastChangeAt: null,
  lost: false,
  dayZero: null,
};

export interface StageChange {
  dealId: string;
  stageId: string;
  occurredAt: number;
}

import { describeReason } from '../domain/health/describe-reasons.js';
import type { Locale } from '../domain/phases.js';
import type { StoredDealHealth } from '../store/deal-health-store.js';
import type { HealthDetailView } from './card-api-types.js';

/** A stored computed health as the deal card shows it: its reasons in the card's language, go-live and slip. */
export function healthDetailView(h: StoredDealHealth, locale: Locale, timezone: string): HealthDetailView {
  return {
    reasons: h.reasons.map((r) => describeReason(r, locale, timezone)),
    businessDaysInPhase: h.businessDaysInPhase,
    expectedBusinessDays: h.expectedBusinessDays,
    plannedGoLive: h.plannedGoLive,
    projectedGoLive: h.projectedGoLive,
    slipBusinessDays: h.slipBusinessDays,
  };
}

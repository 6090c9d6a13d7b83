import type { ComputedHealth } from '../../domain/health/computed-health.js';

/** The deal properties that carry a computed health to HubSpot (created by `first100 setup`). */
export const HEALTH_PROPERTIES = {
  health: 'first100_health',
  reasons: 'first100_health_reasons',
  projectedGoLive: 'first100_projected_go_live',
  slip: 'first100_slip_business_days',
} as const;

/** A computed health as HubSpot property values; an unknown date or slip is empty, as HubSpot clears a property. */
export function healthProperties(h: ComputedHealth, reasonsText: string): Record<string, string> {
  return {
    [HEALTH_PROPERTIES.health]: h.health,
    [HEALTH_PROPERTIES.reasons]: reasonsText,
    [HEALTH_PROPERTIES.projectedGoLive]: h.projectedGoLive ?? '',
    [HEALTH_PROPERTIES.slip]: h.slipBusinessDays === null ? '' : String(h.slipBusinessDays),
  };
}

/** The values that differ from what HubSpot was last given (a property never given counts as empty). */
export function changedProperties(wanted: Record<string, string>, written: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(wanted).filter(([name, value]) => (written[name] ?? '') !== value));
}

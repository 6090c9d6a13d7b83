import { companyHealth, companySegment, dealHealth } from '../../domain/client-health.js';
import type { CompanyUpdate } from '../../hubspot/hubspot-port.js';
import { readCompanySignals } from '../../store/health-signals.js';
import { markStepsDone, type ClaimedStep } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { fail } from './step-failure.js';

/**
 * Recomputes each company's `first100_health` and `first100_segment` over its deals in onboarding, when the
 * step runs rather than when it was planned: answers on two deals of one company, recorded at once, cannot
 * leave the older sum in HubSpot, and several steps for one company share one input.
 */
export async function updateCompanies(engine: Engine, steps: ClaimedStep[]): Promise<void> {
  if (steps.length === 0) return;
  const companyIds = [...new Set(steps.map(companyOf))];
  try {
    const signals = await readCompanySignals(engine.db, companyIds);
    const updates: CompanyUpdate[] = [];
    for (const [id, deals] of signals) {
      const health = companyHealth(deals.map(dealHealth));
      if (health === null) continue; // no deal in onboarding any more: leave what HubSpot shows
      updates.push({ id, properties: { first100_health: health, first100_segment: companySegment(deals) } });
    }
    if (updates.length > 0) await engine.hubspot.updateCompanies(updates);
    await markStepsDone(engine.db, steps.map((s) => ({ id: s.id })));
  } catch (error) {
    // Setting the same properties twice is harmless, so an update is never in doubt.
    await fail(engine, steps, error, false);
  }
}

function companyOf(step: ClaimedStep): string {
  return String((step.payload as { companyId: string }).companyId);
}

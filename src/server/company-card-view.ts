import { onboardingDay } from '../domain/onboarding-day.js';
import { phaseIndex, phaseLabel, type Locale } from '../domain/phases.js';
import { HEALTH_LABELS, isHealth, isSegment, SEGMENT_LABELS } from '../domain/status-labels.js';
import type { Engine } from '../jobs/engine.js';
import { readDealStates } from '../store/deal-state-reads.js';
import type { CompanyCardView } from './card-api-types.js';
import { hubspotDatetime } from './hubspot-datetime.js';

/** A company with more deals than this shows its most advanced onboardings; the response stays small. */
const MAX_DEALS = 500;
const MAX_SHOWN = 50;
const DEAL_PROPERTIES = ['dealname', 'first100_health', 'first100_last_feedback_score', 'first100_last_feedback_at'];

/** A company's onboarding deals, its health and segment, and the feedback its deals received. 3 HubSpot calls. */
export async function companyCardView(engine: Engine, companyId: string, locale: Locale): Promise<CompanyCardView> {
  const company = (await engine.hubspot.readObjects('companies', [companyId], ['name', 'first100_health', 'first100_segment'])).get(companyId) ?? {};
  const dealIds = await engine.hubspot.readAssociatedIds('companies', companyId, 'deals', MAX_DEALS);
  const states = await readDealStates(engine.db, dealIds);
  const known = [...states.keys()];
  const deals = known.length > 0 ? await engine.hubspot.readObjects('deals', known, DEAL_PROPERTIES) : new Map<string, Record<string, string | null>>();
  const now = engine.clock();
  const tz = engine.calendar.timezone;
  const label = (id: string) => deals.get(id)?.dealname || `Deal ${id}`;

  const onboarding = known
    .flatMap((id) => {
      const s = states.get(id)!;
      if (!s.phase) return [];
      const health = deals.get(id)?.first100_health;
      return [
        {
          dealId: id,
          name: label(id),
          phase: s.phase,
          phaseLabel: phaseLabel(s.phase, locale),
          day: onboardingDay(s.dayZero, now, tz),
          health: isHealth(health) ? { value: health, label: HEALTH_LABELS[health][locale] } : null,
        },
      ];
    })
    .sort((a, b) => phaseIndex(b.phase) - phaseIndex(a.phase) || a.name.localeCompare(b.name))
    .slice(0, MAX_SHOWN);

  const feedback = known
    .flatMap((id) => {
      const score = deals.get(id)?.first100_last_feedback_score;
      return score ? [{ dealId: id, dealName: label(id), score: Number(score), at: hubspotDatetime(deals.get(id)?.first100_last_feedback_at) }] : [];
    })
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
    .slice(0, MAX_SHOWN);

  const health = company.first100_health;
  const segment = company.first100_segment;
  return {
    companyId,
    name: company.name ?? null,
    health: isHealth(health) ? { value: health, label: HEALTH_LABELS[health][locale] } : null,
    segment: isSegment(segment) ? { value: segment, label: SEGMENT_LABELS[segment][locale] } : null,
    deals: onboarding,
    feedback,
  };
}

import { companyHealth, dealHealth } from '../domain/client-health.js';
import { companySegment } from '../domain/client-segment.js';
import { onboardingDay } from '../domain/onboarding-day.js';
import { phaseIndex, phaseLabel, type Locale } from '../domain/phases.js';
import { HEALTH_LABELS, SEGMENT_LABELS, type Health } from '../domain/status-labels.js';
import type { Engine } from '../jobs/engine.js';
import { readCompanyRecord, type DealRecord } from '../store/card-reads.js';
import { countWonDeals } from '../store/company-purchases.js';
import { readCompanySignals } from '../store/health-signals.js';
import type { CompanyCardView } from './card-api-types.js';
import { companyTouchpointViews, scaled } from './feedback-card-views.js';
import { readUnknownRecord } from './unknown-record.js';

/** A company with more deals than this shows its most advanced onboardings; the response stays small. */
const MAX_DEALS = 500;
const MAX_SHOWN = 50;

/**
 * A company's onboarding deals, its health and segment, and the feedback its deals received, all from first100's
 * store: the deals whose primary company it is, health and segment derived as the engine derives the
 * `first100_health` and `first100_segment` it writes. HubSpot is asked only about a company of which the store
 * knows no deal (404 when HubSpot has no such company).
 */
export async function companyCardView(engine: Engine, companyId: string, locale: Locale): Promise<CompanyCardView> {
  const [company, signalsOf, won] = await Promise.all([
    readCompanyRecord(engine.db, companyId, MAX_DEALS),
    readCompanySignals(engine.db, [companyId]),
    countWonDeals(engine.db, [companyId]),
  ]);
  if (!company) {
    const read = await readUnknownRecord(engine, 'companies', companyId, ['name']);
    const name = read === 'unavailable' ? null : (read.name ?? null);
    return { companyId, name, health: null, segment: null, deals: [], feedback: [], touchpoints: [], hubspotUnavailable: read === 'unavailable' };
  }
  const now = engine.clock();
  const tz = engine.calendar.timezone;
  const labeled = (h: Health) => ({ value: h, label: HEALTH_LABELS[h][locale] });
  const name = (d: DealRecord) => d.dealName || `Deal ${d.dealId}`;

  const deals = company.deals
    .flatMap((d) =>
      d.phase === null || d.lost
        ? []
        : [{ dealId: d.dealId, name: name(d), phase: d.phase, phaseLabel: phaseLabel(d.phase, locale), day: onboardingDay(d.dayZero, now, tz), health: labeled(dealHealth(d.signals)) }],
    )
    .sort((a, b) => phaseIndex(b.phase) - phaseIndex(a.phase) || a.name.localeCompare(b.name))
    .slice(0, MAX_SHOWN);

  const feedback = company.deals
    .flatMap((d) => (d.lastAnswer ? [{ dealId: d.dealId, dealName: name(d), answer: d.lastAnswer, at: d.lastAnswer.at }] : []))
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_SHOWN)
    .map(({ answer, ...f }) => ({ ...f, ...scaled(answer, locale), at: new Date(f.at).toISOString() }));
  const touchpoints = await companyTouchpointViews(engine, company.deals.map((d) => ({ dealId: d.dealId, name: name(d) })), locale, MAX_SHOWN);

  // The same signals and rules as the step that writes the company's properties (jobs/steps/update-companies).
  const signals = signalsOf.get(companyId) ?? [];
  const health = companyHealth(signals.map(dealHealth));
  const segment = health === null ? null : companySegment({ wonDeals: won.get(companyId) ?? 0, deals: signals });
  return {
    companyId,
    name: company.name,
    health: health === null ? null : labeled(health),
    segment: segment === null ? null : { value: segment, label: SEGMENT_LABELS[segment][locale] },
    deals,
    feedback,
    touchpoints,
    hubspotUnavailable: false,
  };
}

import type { DealSnapshot } from '../domain/deal.js';
import type { Queryable } from './db.js';

/**
 * Remembers what the cards and pages show of a deal as HubSpot last gave it to first100: its name, PM and pipeline, its company (from the
 * primary association, so the company's health and segment can be summed over its deals) and that company's name.
 * Written where the deal was read anyway, so no card has to ask HubSpot. A deal read without a company keeps the
 * one it had. The deal's row must exist (lockDealState).
 */
export async function recordDealIdentity(tx: Queryable, deal: Pick<DealSnapshot, 'id' | 'name' | 'company' | 'pmOwnerId' | 'pipeline'>): Promise<void> {
  const companyId = deal.company?.id ?? null;
  // The PM and pipeline are what the portfolio page filters by: as HubSpot last gave them.
  await tx.query(
    `UPDATE deal_onboarding SET deal_name = $2, company_id = COALESCE($3, company_id), pm_owner_id = $4, pipeline_id = $5
      WHERE deal_id = $1 AND (deal_name IS DISTINCT FROM $2 OR ($3::text IS NOT NULL AND company_id IS DISTINCT FROM $3)
        OR pm_owner_id IS DISTINCT FROM $4 OR pipeline_id IS DISTINCT FROM $5)`,
    [deal.id, deal.name, companyId, deal.pmOwnerId, deal.pipeline],
  );
  // An empty name is HubSpot's "no name": a name already known is kept.
  if (companyId === null || !deal.company?.name) return;
  await tx.query(
    `INSERT INTO company_names (company_id, name) VALUES ($1, $2)
     ON CONFLICT (company_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now() WHERE company_names.name IS DISTINCT FROM EXCLUDED.name`,
    [companyId, deal.company.name],
  );
}

import type { DealSnapshot } from '../domain/deal.js';
import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, DEAL_PROPERTIES } from './hubspot-port.js';

interface BatchObjects {
  results: { id: string; properties: Record<string, string | null> }[];
}
interface BatchAssociations {
  results: { from: { id: string }; to: { toObjectId: string | number; associationTypes?: { typeId: number; label?: string | null }[] }[] }[];
}

const PRIMARY_DEAL_TO_COMPANY = 5;

/** Deals with their primary company and contacts, in 4 calls per 100 deals. */
export async function readDeals(request: HubSpotRequest, ids: string[]): Promise<Map<string, DealSnapshot>> {
  const deals = new Map<string, DealSnapshot>();
  for (const part of chunk([...new Set(ids)])) {
    const inputs = part.map((id) => ({ id }));
    const read = await request<BatchObjects>('POST', '/crm/v3/objects/deals/batch/read', { inputs, properties: DEAL_PROPERTIES });
    const found = read.results ?? [];
    if (found.length === 0) continue;
    const foundInputs = found.map((d) => ({ id: d.id }));
    const companies = await request<BatchAssociations>('POST', '/crm/v4/associations/deals/companies/batch/read', { inputs: foundInputs });
    const contacts = await request<BatchAssociations>('POST', '/crm/v4/associations/deals/contacts/batch/read', { inputs: foundInputs });
    const companyOf = primaryTargets(companies);
    const companyIds = [...new Set(companyOf.values())];
    const names = new Map<string, string>();
    if (companyIds.length > 0) {
      const read = await request<BatchObjects>('POST', '/crm/v3/objects/companies/batch/read', {
        inputs: companyIds.map((id) => ({ id })),
        properties: ['name'],
      });
      for (const c of read.results ?? []) names.set(c.id, c.properties.name ?? '');
    }
    const contactsOf = allTargets(contacts);
    const labelsOf = targetLabels(contacts);
    for (const d of found) {
      const p = d.properties;
      const companyId = companyOf.get(d.id);
      deals.set(d.id, {
        id: d.id,
        name: p.dealname ?? `Deal ${d.id}`,
        pipeline: p.pipeline || null,
        ownerId: p.hubspot_owner_id || null,
        pmOwnerId: p.first100_pm_owner || null,
        closeDate: p.closedate ? Date.parse(p.closedate) : null,
        company: companyId ? { id: companyId, name: names.get(companyId) ?? '' } : null,
        contactIds: contactsOf.get(d.id) ?? [],
        contactLabels: labelsOf.get(d.id) ?? {},
      });
    }
  }
  return deals;
}

function primaryTargets(batch: BatchAssociations): Map<string, string> {
  const result = new Map<string, string>();
  for (const row of batch.results ?? []) {
    const primary = row.to.find((t) => t.associationTypes?.some((a) => a.typeId === PRIMARY_DEAL_TO_COMPANY)) ?? row.to[0];
    if (primary) result.set(row.from.id, String(primary.toObjectId));
  }
  return result;
}

function allTargets(batch: BatchAssociations): Map<string, string[]> {
  return new Map((batch.results ?? []).map((row) => [row.from.id, row.to.map((t) => String(t.toObjectId))]));
}

/** Each target's association labels; unlabeled associations come with a null label. */
function targetLabels(batch: BatchAssociations): Map<string, Record<string, string[]>> {
  return new Map(
    (batch.results ?? []).map((row) => [
      row.from.id,
      Object.fromEntries(row.to.map((t) => [String(t.toObjectId), (t.associationTypes ?? []).flatMap((a) => (a.label ? [a.label] : []))])),
    ]),
  );
}

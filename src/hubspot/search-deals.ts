import type { HubSpotRequest } from './hubspot-http.js';
import type { DealSearchPage, DealSearchQuery } from './hubspot-port.js';

interface SearchAnswer {
  results?: { id: string; properties: Record<string, string | null> }[];
  paging?: { next?: { after: string } };
}

/**
 * One page of deals modified at or after `since`, oldest first (`POST /crm/v3/objects/deals/search`). The search
 * index lags writes by a few seconds and stops at 10,000 results per query: callers overlap and move their cursor.
 */
export async function searchDealsModifiedSince(request: HubSpotRequest, q: DealSearchQuery): Promise<DealSearchPage> {
  const answer = await request<SearchAnswer>('POST', '/crm/v3/objects/deals/search', {
    filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(q.since) }] }],
    sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
    properties: q.properties,
    limit: q.limit,
    ...(q.after ? { after: q.after } : {}),
  });
  return {
    deals: (answer.results ?? []).map((d) => ({ id: d.id, properties: d.properties })),
    ...(answer.paging?.next?.after ? { after: answer.paging.next.after } : {}),
  };
}

import type { ContactKind, DealEngagement } from '../domain/client-contact.js';
import { epochMs } from './epoch-ms.js';
import type { HubSpotRequest } from './hubspot-http.js';

export interface EngagementQuery {
  dealId: string;
  kind: ContactKind;
  /** Epoch ms, exclusive: only engagements after it. */
  after: number;
  /** Epoch ms, inclusive: none after it (a meeting booked for next week has not happened). */
  until: number;
  /** Newest first, one page (HubSpot allows 200). */
  limit: number;
}

interface SearchAnswer {
  results?: { id: string; properties: Record<string, string | null> }[];
}

/** Where each kind lives in HubSpot, the property that says whether it was contact, and any filter HubSpot applies. */
const SEARCHES: Record<ContactKind, { object: string; state: string; filters: { propertyName: string; operator: 'EQ'; value: string }[] }> = {
  'incoming-email': { object: 'emails', state: 'hs_email_direction', filters: [{ propertyName: 'hs_email_direction', operator: 'EQ', value: 'INCOMING_EMAIL' }] },
  call: { object: 'calls', state: 'hs_call_status', filters: [] },
  meeting: { object: 'meetings', state: 'hs_meeting_outcome', filters: [] },
};

/**
 * One page of a deal's engagements of one kind in a time window, newest first: `POST /crm/v3/objects/{calls|
 * meetings|emails}/search` (PublicObjectSearchRequest; one search request of the 5 per second HubSpot allows).
 * Incoming emails are filtered by HubSpot; whether a call connected or a meeting was held is read by the domain.
 */
export async function searchDealEngagements(request: HubSpotRequest, q: EngagementQuery): Promise<DealEngagement[]> {
  const search = SEARCHES[q.kind];
  const answer = await request<SearchAnswer>('POST', `/crm/v3/objects/${search.object}/search`, {
    filterGroups: [
      {
        filters: [
          { propertyName: 'associations.deal', operator: 'EQ', value: q.dealId },
          { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: String(q.after + 1), highValue: String(q.until) },
          ...search.filters,
        ],
      },
    ],
    sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
    properties: ['hs_timestamp', search.state],
    limit: q.limit,
  });
  return (answer.results ?? []).map((r) => ({ kind: q.kind, at: epochMs(r.properties.hs_timestamp), state: r.properties[search.state] ?? null }));
}

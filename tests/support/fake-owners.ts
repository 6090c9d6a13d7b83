import nock from 'nock';

/** HubSpot's PublicOwner as the owners API answers it (HubSpot's OpenAPI spec, CRM Owners v3). */
export interface PublicOwnerJson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  archived?: boolean;
}

export const PM_OWNER: PublicOwnerJson = { id: '201', email: 'giulia.bianchi@example.com', firstName: 'Giulia', lastName: 'Bianchi', userId: 9201 };
export const REP_OWNER: PublicOwnerJson = { id: '101', email: 'marco.rossi@example.com', firstName: 'Marco', lastName: 'Rossi', userId: 9101 };

/**
 * HubSpot's owners at the network boundary: the list (GET /crm/v3/owners, paged with `after`, active owners only
 * as `archived=false` asks) and the read by id. `owners` may be changed between calls; every call is recorded;
 * the page asked for with `after` = `failAfter` answers 503.
 * Cleared with nock.cleanAll (fakeHubSpot's stop()).
 */
export function fakeOwners(initial: PublicOwnerJson[], pageSize = 2, base = 'https://api.hubapi.com') {
  const state = { owners: [...initial], lists: [] as string[], reads: [] as string[], failAfter: null as string | null };
  const active = () => state.owners.filter((o) => !o.archived);
  nock(base)
    .persist()
    .get(/^\/crm\/v3\/owners\/?(\?.*)?$/)
    .reply((uri) => {
      const query = new URL(uri, base).searchParams;
      state.lists.push(query.toString());
      if (state.failAfter !== null && query.get('after') === state.failAfter) return [503, { status: 'error', category: 'SERVICE_UNAVAILABLE', message: 'try later' }];
      const start = Number(query.get('after') ?? '0');
      const results = active().slice(start, start + Math.min(pageSize, Number(query.get('limit') ?? '100')));
      const more = start + results.length < active().length;
      const after = String(start + results.length);
      return [200, { results: results.map(full), ...(more ? { paging: { next: { after, link: `${base}/crm/v3/owners?after=${after}` } } } : {}) }];
    });
  nock(base)
    .persist()
    .get(/^\/crm\/v3\/owners\/\d+(\?.*)?$/)
    .reply((uri) => {
      const id = new URL(uri, base).pathname.split('/').pop()!;
      state.reads.push(id);
      const owner = active().find((o) => o.id === id);
      return owner ? [200, full(owner)] : [404, { status: 'error', category: 'OBJECT_NOT_FOUND', message: `owner ${id} not found` }];
    });
  return state;
}

function full(o: PublicOwnerJson) {
  return { ...o, userIdIncludingInactive: o.userId, type: 'PERSON', teams: [], archived: o.archived ?? false, createdAt: '2025-01-10T09:00:00Z', updatedAt: '2026-11-02T09:00:00Z' };
}

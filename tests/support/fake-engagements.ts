import nock from 'nock';
import type { RecordedRequest } from './fake-hubspot.js';

/** A call, meeting or email on a deal's timeline, as HubSpot's search returns it. */
export interface FakeEngagement {
  object: 'calls' | 'meetings' | 'emails';
  dealId: string;
  properties: Record<string, string | null>;
}

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  highValue?: string;
}

const ms = (v: string | null | undefined) => (v == null ? NaN : /^\d+$/.test(v) ? Number(v) : Date.parse(v));

function matches(e: FakeEngagement, f: Filter): boolean {
  if (f.propertyName === 'associations.deal') return f.operator === 'EQ' && e.dealId === f.value;
  const value = e.properties[f.propertyName] ?? null;
  if (f.operator === 'EQ') return value === f.value;
  if (f.operator === 'BETWEEN') return ms(value) >= ms(f.value) && ms(value) <= ms(f.highValue);
  throw new Error(`the engagement double does not know the ${f.operator} filter`);
}

/** A search for engagements in a time window: the one the silent-client sweep makes (other searches, e.g. for a marker, fall through). */
const isWindowSearch = (body: any) =>
  body?.filterGroups?.[0]?.filters?.some((f: Filter) => f.propertyName === 'hs_timestamp') ?? false;

/**
 * HubSpot's search of calls, meetings and emails at the network boundary (nock), for the engagement searches only:
 * applies the filters (AND within the one group), sorts by `hs_timestamp` descending, returns one page of the
 * properties asked for, and records each request with `record`. `engagements()` is read at each request, so a test can add one at any moment, and the
 * emails first100 logged (the fake HubSpot's `emails`) can be part of it. Start it before `fakeHubSpot`, whose own
 * search routes then answer the other searches.
 */
export function fakeEngagementSearch(engagements: () => FakeEngagement[], record: (r: RecordedRequest) => void, base = 'https://api.hubapi.com') {
  const scope = nock(base).persist();
  for (const object of ['calls', 'meetings', 'emails'] as const) {
    const path = `/crm/v3/objects/${object}/search`;
    scope.post(path, isWindowSearch).reply((_uri, body: any) => {
      record({ method: 'POST', path, body });
      const filters: Filter[] = body.filterGroups[0].filters;
      const found = engagements()
        .filter((e) => e.object === object && filters.every((f) => matches(e, f)))
        .sort((a, b) => ms(b.properties.hs_timestamp) - ms(a.properties.hs_timestamp))
        .slice(0, body.limit);
      const results = found.map((e, n) => ({ id: String(n + 1), properties: Object.fromEntries(body.properties.map((p: string) => [p, e.properties[p] ?? null])) }));
      return [200, { total: found.length, results }];
    });
  }
  return { stop: () => scope.persist(false) };
}

/** The emails first100 logged through the fake HubSpot, as engagements on each deal they are associated with (type 210). */
export function loggedEmails(emails: { properties: Record<string, string>; associations: any[] }[]): FakeEngagement[] {
  return emails.flatMap((e) =>
    e.associations.filter((a) => a.types[0].associationTypeId === 210).map((a) => ({ object: 'emails' as const, dealId: a.to.id, properties: e.properties })),
  );
}

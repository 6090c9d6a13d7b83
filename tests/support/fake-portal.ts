import nock from 'nock';
import type { ExistingProperty } from '../../src/hubspot/hubspot-port.js';
import type { RecordedRequest } from './fake-hubspot.js';

export interface PortalPipeline {
  id: string;
  label: string;
  stages: { id: string; label: string; metadata: { isClosed: string; probability: string } }[];
}

export interface PortalState {
  groups: { deals: string[]; companies: string[] };
  properties: { deals: ExistingProperty[]; companies: ExistingProperty[] };
  pipelines: PortalPipeline[];
  /** What the token-info endpoint answers; 'unknown' answers 404 as for a token kind it does not describe. */
  tokenInfo: { hubId: number; scopes: string[] } | 'unknown' | 'invalid';
  /** Object types whose batch reads the token may not make: answered 403 with HubSpot's MISSING_SCOPES body. */
  forbiddenReads?: string[];
}

const stage = (id: string, label: string, isClosed: boolean, probability: string) => ({ id, label, metadata: { isClosed: String(isClosed), probability } });

/** HubSpot's default sales pipeline, and a custom one with numeric ids, as GET /crm/v3/pipelines/deals returns them. */
export const PORTAL_PIPELINES: PortalPipeline[] = [
  {
    id: 'default',
    label: 'Sales Pipeline',
    stages: [
      stage('appointmentscheduled', 'Appointment Scheduled', false, '0.2'),
      stage('qualifiedtobuy', 'Qualified To Buy', false, '0.4'),
      stage('contractsent', 'Contract Sent', false, '0.9'),
      stage('closedwon', 'Closed Won', true, '1.0'),
      stage('closedlost', 'Closed Lost', true, '0.0'),
    ],
  },
  {
    id: '987654',
    label: 'Renewals',
    stages: [stage('111', 'Renewal due', false, '0.5'), stage('112', 'Renewed', true, '1.0'), stage('113', 'On hold', true, '0.5'), stage('114', 'Churned', true, '0.0')],
  },
];

/**
 * A HubSpot account's schema side at the network boundary (nock): property groups and properties that POSTs
 * really add to, pipelines, the token-info endpoint, and the server's public health URL.
 */
export function fakePortal(state: PortalState, base = 'https://api.hubapi.com') {
  const requests: RecordedRequest[] = [];
  const scope = nock(base).persist();
  const record = (method: string, path: string, body?: unknown) => requests.push({ method, path, body });
  for (const type of ['deals', 'companies'] as const) {
    scope.get(`/crm/v3/properties/${type}`).reply(() => {
      record('GET', `/crm/v3/properties/${type}`);
      return [200, { results: state.properties[type] }];
    });
    scope.get(`/crm/v3/properties/${type}/groups`).reply(() => {
      record('GET', `/crm/v3/properties/${type}/groups`);
      return [200, { results: state.groups[type].map((name) => ({ name, label: name })) }];
    });
    scope.post(`/crm/v3/properties/${type}/groups`).reply((_uri, body: any) => {
      record('POST', `/crm/v3/properties/${type}/groups`, body);
      state.groups[type].push(body.name);
      return [201, body];
    });
    scope.post(`/crm/v3/properties/${type}/batch/create`).reply((_uri, body: any) => {
      record('POST', `/crm/v3/properties/${type}/batch/create`, body);
      state.properties[type].push(...body.inputs.map((p: any) => ({ name: p.name, type: p.type, fieldType: p.fieldType, groupName: p.groupName })));
      return [201, { status: 'COMPLETE', results: body.inputs }];
    });
  }
  for (const type of ['deals', 'companies', 'contacts']) {
    scope.post(`/crm/v3/objects/${type}/batch/read`).reply((_uri, body: any) => {
      record('POST', `/crm/v3/objects/${type}/batch/read`, body);
      if (state.forbiddenReads?.includes(type)) {
        return [403, { status: 'error', category: 'MISSING_SCOPES', message: 'This app hasn\'t been granted all required scopes to make this call.' }];
      }
      return [200, { status: 'COMPLETE', results: [] }];
    });
  }
  scope.get('/crm/v3/pipelines/deals').reply(() => {
    record('GET', '/crm/v3/pipelines/deals');
    return [200, { results: state.pipelines }];
  });
  scope.post('/oauth/v2/private-apps/get/access-token-info').reply((_uri, body: any) => {
    record('POST', '/oauth/v2/private-apps/get/access-token-info', body);
    if (state.tokenInfo === 'unknown') return [404, { message: 'not found', category: 'OBJECT_NOT_FOUND' }];
    if (state.tokenInfo === 'invalid') return [401, { message: 'expired', category: 'INVALID_AUTHENTICATION' }];
    return [200, { ...state.tokenInfo, appId: 31000001, userId: 1 }];
  });
  return {
    state,
    requests,
    writes: () => requests.filter((r) => r.method === 'POST' && !r.path.includes('/batch/read') && !r.path.includes('access-token-info')),
    stop() {
      scope.persist(false);
      nock.cleanAll();
    },
  };
}

import nock from 'nock';
import type { ExistingProperty } from '../../src/hubspot/hubspot-port.js';
import type { RecordedRequest } from './fake-hubspot.js';
import { propertyProblem } from './property-rules.js';

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
  /** Refusals of this account alone (e.g. a name HubSpot keeps for an archived property): name → HubSpot's message. */
  refuse?: Record<string, string>;
  /**
   * How a batch create with a bad input is answered: 'whole' refuses the whole batch with a 400 naming no
   * property (what a first setup met, issue 13), 'per-input' answers 207 with the others created.
   */
  batchRefusal?: 'whole' | 'per-input';
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
    const problem = (p: any) => state.refuse?.[p.name] ?? propertyProblem(p, state.groups[type], state.properties[type].map((e) => e.name));
    const add = (p: any) => state.properties[type].push({ name: p.name, type: p.type, fieldType: p.fieldType, groupName: p.groupName, ...(p.options ? { options: p.options } : {}) });
    // PropertyUpdate: the options given replace the property's options.
    scope.patch(new RegExp(`^/crm/v3/properties/${type}/[a-z0-9_]+$`)).reply((uri, body: any) => {
      record('PATCH', uri, body);
      const property = state.properties[type].find((e) => e.name === uri.split('/').pop());
      if (!property) return [404, { status: 'error', message: 'Property does not exist', category: 'OBJECT_NOT_FOUND' }];
      property.options = body.options;
      return [200, property];
    });
    scope.post(`/crm/v3/properties/${type}/batch/create`).reply((_uri, body: any) => {
      record('POST', `/crm/v3/properties/${type}/batch/create`, body);
      const refused = body.inputs.map((p: any) => ({ p, message: problem(p) })).filter((r: any) => r.message);
      if (refused.length > 0 && (state.batchRefusal ?? 'whole') === 'whole') {
        return [400, { status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR', correlationId: 'c0ffee' }];
      }
      const created = body.inputs.filter((p: any) => !refused.some((r: any) => r.p === p));
      created.forEach(add);
      const errors = refused.map((r: any) => ({ status: 'error', category: 'VALIDATION_ERROR', message: r.message, context: { propertyName: [r.p.name] } }));
      return [refused.length > 0 ? 207 : 201, { status: 'COMPLETE', results: created, ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}) }];
    });
    scope.post(`/crm/v3/properties/${type}`).reply((_uri, body: any) => {
      record('POST', `/crm/v3/properties/${type}`, body);
      const message = problem(body);
      if (message) return [message.endsWith('already exists') ? 409 : 400, { status: 'error', message, category: 'VALIDATION_ERROR' }];
      add(body);
      return [201, body];
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
  // Any answer at the API's root says HubSpot can be reached (doctor asks before anything else).
  scope.get('/').reply(404, { status: 'error', message: 'Resource not found' });
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
    writes: () => requests.filter((r) => (r.method === 'POST' || r.method === 'PATCH') && !r.path.includes('/batch/read') && !r.path.includes('access-token-info')),
    stop() {
      scope.persist(false);
      nock.cleanAll();
    },
  };
}

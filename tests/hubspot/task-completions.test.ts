import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotAdapter } from '../../src/hubspot/create-hubspot-adapter.js';

const hubspot = () => createHubSpotAdapter({ accessToken: 'pat-test', apiBaseUrl: 'https://api.hubapi.com', callsPer10s: 250, retry: { attempts: 1, serverErrorDelayMs: 1, rateLimitDelayMs: 1 } });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('reading which of first100\'s tasks are done', () => {
  it('names completed tasks with their completion date and deleted ones with none; open ones are left out; 100 per call', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => String(9000 + i));
    const bodies: any[] = [];
    nock('https://api.hubapi.com')
      .post('/crm/v3/objects/tasks/batch/read')
      .twice()
      .reply((_uri, body: any) => {
        bodies.push(body);
        const results = body.inputs
          .filter((i: any) => i.id !== '9002') // deleted in HubSpot
          .map((i: any) => ({
            id: i.id,
            properties: i.id === '9000' ? { hs_task_status: 'COMPLETED', hs_task_completion_date: '2027-01-12T14:00:00.000Z' }
              : i.id === '9100' ? { hs_task_status: 'COMPLETED', hs_task_completion_date: null }
              : { hs_task_status: 'NOT_STARTED', hs_task_completion_date: null },
          }));
        return [200, { status: 'COMPLETE', results }];
      });
    const done = await hubspot().readTaskCompletions(ids);
    expect(bodies.map((b) => b.inputs.length)).toEqual([100, 1]);
    expect(bodies[0].properties).toEqual(['hs_task_status', 'hs_task_completion_date']);
    expect(done).toEqual(new Map([['9000', Date.parse('2027-01-12T14:00:00.000Z')], ['9002', null], ['9100', null]]));
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../../src/hubspot/hubspot-http.js';
import { takeFromWindow } from '../../src/store/call-budget-store.js';
import { cardCall } from '../support/card-requests.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

/**
 * Cards while HubSpot's calls are scarce: the budget spent, HubSpot answering 429, or slow. hubspot.fetch gives up
 * at 15 s; a card must answer at once with what first100's store knows, and never queue behind the worker.
 */
const wonAt = Date.parse('2026-12-04T14:00:00Z');
const PER_DAY = 60;
const deal = (name: string) => ({
  properties: { dealname: name, pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  contactIds: ['9'],
});
const RATE_LIMITED = { status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.' };

const onCleanUp = isolateNetwork();

/** Deals 42 and 43 of company 7 in onboarding; deal 44 exists in HubSpot only. The production retry policy. */
async function setUp() {
  const hubspot = fakeHubSpot({ deals: { '42': deal('Acme renewal'), '43': deal('Acme pilot'), '44': deal('Acme new quote') }, companies: { '7': 'Acme' } });
  const clock = { now: wonAt + 5000 };
  const server = await startServer({ clock: () => clock.now, retry: DEFAULT_RETRY, env: { HUBSPOT_CALLS_PER_DAY: String(PER_DAY) } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  await deliver(server.url, [stageEvent('42', 'closedwon', wonAt), stageEvent('43', 'contractsent', wonAt)], clock.now);
  await server.worker.drain();
  /** A signed card GET: its answer, how long it took, and how many HubSpot calls it made. */
  const open = async (path: string) => {
    const calls = hubspot.requests.length;
    const started = performance.now();
    const res = await cardCall(server.url, 'GET', path, clock.now);
    return { status: res.status, body: await res.json(), ms: performance.now() - started, hubspotCalls: hubspot.requests.length - calls };
  };
  return { hubspot, server, open };
}

describe('cards while HubSpot answers 429 to everything', () => {
  it('the deal, handoff and company cards answer within 2 s from the store, with no HubSpot call', async () => {
    const { hubspot, open } = await setUp();
    hubspot.failAll(429, RATE_LIMITED);

    const dealCard = await open('/api/cards/deals/42');
    expect(dealCard).toMatchObject({ status: 200, hubspotCalls: 0 });
    expect(dealCard.ms).toBeLessThan(2000);
    expect(dealCard.body).toMatchObject({ onboarding: { phase: 'admit' }, health: { value: 'on_track' }, hubspotUnavailable: false });

    const handoff = await open('/api/cards/deals/42/handoff');
    expect(handoff).toMatchObject({ status: 200, hubspotCalls: 0, body: { status: 'not_started' } });
    expect(handoff.ms).toBeLessThan(2000);

    const company = await open('/api/cards/companies/7');
    expect(company).toMatchObject({ status: 200, hubspotCalls: 0 });
    expect(company.ms).toBeLessThan(2000);
    expect(company.body).toMatchObject({ name: 'Acme', health: { value: 'on_track' }, hubspotUnavailable: false });
    expect(company.body.deals.map((d: { name: string }) => d.name)).toEqual(['Acme renewal', 'Acme pilot']);
  });

  it('a deal first100 does not know: one quick read, no retry, and the store\'s view says HubSpot did not answer', async () => {
    const { hubspot, open } = await setUp();
    hubspot.failAll(429, RATE_LIMITED);
    const card = await open('/api/cards/deals/44');
    expect(card).toMatchObject({ status: 200, hubspotCalls: 1, body: { onboarding: null, hubspotUnavailable: true } });
    expect(card.ms).toBeLessThan(2000);
  });
});

describe('cards while the call budget is spent', () => {
  it('answer within 2 s from the store; an unknown deal is not even asked about, and the card says so', async () => {
    const { server, open } = await setUp();
    // Another replica spent the rest of the day's share (the budget windows live in the shared database).
    const today = DateTime.now().setZone(server.engine.playbook.timezone).startOf('day').toMillis();
    while (await takeFromWindow(server.db, 'day', today, PER_DAY));

    for (const path of ['/api/cards/deals/42', '/api/cards/deals/42/handoff', '/api/cards/companies/7']) {
      const card = await open(path);
      expect(card, path).toMatchObject({ status: 200, hubspotCalls: 0 });
      expect(card.ms, path).toBeLessThan(2000);
    }
    expect((await open('/api/cards/deals/42')).body).toMatchObject({ health: { value: 'on_track' }, hubspotUnavailable: false });
    expect((await open('/api/cards/companies/7')).body).toMatchObject({ health: { value: 'on_track' }, segment: { value: 'occasional' } });

    const unknown = await open('/api/cards/deals/44');
    expect(unknown).toMatchObject({ status: 200, hubspotCalls: 0, body: { onboarding: null, hubspotUnavailable: true } });
    expect(unknown.ms).toBeLessThan(2000);
  });
});

describe('cards while HubSpot is slow', () => {
  it('a deal first100 does not know: the quick read gives up after its deadline and the card answers without it', async () => {
    const { hubspot, open } = await setUp();
    hubspot.answerTooLate('/crm/v3/objects/deals/{id}'); // 3 s
    const card = await open('/api/cards/deals/44');
    expect(card).toMatchObject({ status: 200, body: { onboarding: null, hubspotUnavailable: true } });
    expect(card.ms).toBeLessThan(2000);
  });
});

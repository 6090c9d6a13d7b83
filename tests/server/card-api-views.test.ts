import { describe, expect, it } from 'vitest';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeData } from '../support/fake-hubspot.js';
import { startServer } from '../support/start-server.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { postAnswer, surveyToken } from '../support/survey.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const PM = { userId: '2002', userEmail: 'pm@acme.example' };
const deal = (name: string, extra: Record<string, string | null> = {}) => ({
  properties: { dealname: name, pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null, ...extra },
  companyId: '7',
  contactIds: ['9'],
});

const onCleanUp = isolateNetwork();

async function setUp(data: FakeData) {
  const hubspot = fakeHubSpot(data);
  const clock = { now: wonAt + 5000 };
  const server = await startServer({ clock: () => clock.now });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const get = async (path: string) => (await cardCall(server.url, 'GET', path, clock.now)).json();
  return { hubspot, server, clock, get };
}

describe('deal card data', () => {
  it('a deal not in onboarding: no phase, the 8 phases to start from, localized', async () => {
    const { get } = await setUp({ deals: { '42': deal('Acme renewal') } });
    const card = await get('/api/cards/deals/42?locale=it-it');
    expect(card.onboarding).toBeNull();
    expect(card.phases.map((p: any) => p.label)).toEqual(['Valutazione', 'Ammissione', 'Rimorso', 'Attivazione', 'Adattamento', 'Risultato', 'Adozione', 'Referral']);
    expect(card.handoff).toEqual({ status: 'not_started', label: 'Non iniziato', completeness: 0 });
    expect(card.hubspotUnavailable).toBe(false);
  });

  it('a deal HubSpot does not have: 404 on the deal card and the handoff card, not an empty card', async () => {
    const { server, clock } = await setUp({ deals: { '42': deal('Acme renewal') } });
    for (const path of ['/api/cards/deals/99', '/api/cards/deals/99/handoff']) {
      const res = await cardCall(server.url, 'GET', path, clock.now);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('DEAL_NOT_FOUND');
    }
  });

  it('a won deal: phase, day N of 100, time in phase, next steps, and health and last feedback from the store, with no HubSpot call', async () => {
    const { hubspot, server, clock, get } = await setUp({ deals: { '42': deal('Acme renewal') }, companies: { '7': 'Acme' } });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    const answeredAt = clock.now;
    const token = await surveyToken(server, { dealId: '42', survey: 'NPS', phase: 'admit', now: answeredAt });
    expect((await postAnswer(server.url, token, { score: '8' })).status).toBe(200); // NPS 8: neutral
    await server.worker.drain();
    clock.now = Date.parse('2026-12-05T10:00:00Z'); // Saturday: still in admit (the advance waits for Monday)

    const before = hubspot.requests.length;
    const card = await get('/api/cards/deals/42');
    expect(hubspot.requests.length).toBe(before);
    expect(card.onboarding).toMatchObject({ phase: 'admit', phaseLabel: 'Admit', phaseIndex: 1, day: 2, of: 100, daysInPhase: 1, dayZero: '2026-12-04' });
    expect(card.health).toEqual({ value: 'needs_attention', label: 'Needs attention' });
    expect(card.lastFeedback).toEqual({ survey: 'NPS', score: 8, label: 'NPS 8/10', at: new Date(answeredAt).toISOString() });
    expect(card.lastScores).toEqual([{ survey: 'NPS', score: 8, label: 'NPS 8/10', at: new Date(answeredAt).toISOString() }]);
    expect(card.hubspotUnavailable).toBe(false);
    expect(card.nextSteps).toEqual([
      { kind: 'task', dueAt: '2026-12-07T08:00:00.000Z', status: 'done', title: 'Celebrate Acme', assignee: 'deal_owner', ownerId: '100' },
      { kind: 'email', dueAt: '2026-12-07T08:00:00.000Z', status: 'pending', template: 'welcome' },
      { kind: 'advance', dueAt: '2026-12-07T08:00:00.000Z', status: 'pending', to: 'affirm', toLabel: 'Affirm' },
      { kind: 'task', dueAt: '2026-12-09T08:00:00.000Z', status: 'done', title: 'Handoff meeting for Acme renewal', assignee: 'pm', ownerId: '200' },
    ]);
  });

  it('a deal just won is on track, as the engine marks it; a lost one has no health', async () => {
    const { server, clock, get } = await setUp({ deals: { '42': deal('Acme renewal') }, companies: { '7': 'Acme' } });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    expect((await get('/api/cards/deals/42')).health).toEqual({ value: 'on_track', label: 'On track' });
    await deliver(server.url, [stageEvent('42', 'closedlost', wonAt + 1000)], clock.now);
    await server.worker.drain();
    expect(await get('/api/cards/deals/42')).toMatchObject({ onboarding: null, lost: true, health: null });
  });

  it('a deal the store knows answers from the store when HubSpot is down; an unknown one says HubSpot did not answer', async () => {
    const { hubspot, server, clock, get } = await setUp({ deals: { '42': deal('Acme renewal'), '43': deal('Acme pilot') }, companies: { '7': 'Acme' } });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    for (let i = 0; i < 3; i++) hubspot.failNext('/crm/v3/objects/deals/{id}', 503);
    expect(await get('/api/cards/deals/42')).toMatchObject({ hubspotUnavailable: false, health: { value: 'on_track' }, onboarding: { phase: 'admit' } });
    expect(await get('/api/cards/deals/43')).toMatchObject({ hubspotUnavailable: true, onboarding: null, health: null });
    expect(hubspot.callsTo('/crm/v3/objects/deals/{id}')).toHaveLength(1); // the quick read is not retried
  });
});

describe('moving the phase from the card', () => {
  it('enters the phase with its plan, records who and why, and notes it on the deal, once', async () => {
    const { hubspot, server, clock } = await setUp({ deals: { '42': deal('Acme renewal') }, companies: { '7': 'Acme' } });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();

    const body = { requestId: newRequestId(), to: 'activate', reason: 'Kickoff held early at the client\'s request' };
    const moved = await cardCall(server.url, 'POST', '/api/cards/deals/42/phase', clock.now, { ...PM, body });
    expect(moved.status).toBe(200);
    expect((await moved.json()).onboarding).toMatchObject({ phase: 'activate', day: 1, daysInPhase: 0 });
    const again = await cardCall(server.url, 'POST', '/api/cards/deals/42/phase', clock.now, { ...PM, body });
    expect(again.status).toBe(200);
    await server.worker.drain();

    const entries = await server.db.query<{ phase: string; cause: string }>('SELECT phase, cause FROM phase_entries ORDER BY id');
    expect(entries).toEqual([
      { phase: 'admit', cause: 'stage closedwon' },
      { phase: 'activate', cause: "moved from the card by HubSpot user 2002: Kickoff held early at the client's request" },
    ]);
    const cancelled = await server.db.query(`SELECT step_id FROM steps WHERE kind = 'advance' AND status = 'cancelled'`);
    expect(cancelled).toHaveLength(1); // the timed admit → affirm would pull the deal back
    expect(hubspot.notes).toHaveLength(1);
    expect(hubspot.notes[0]!.properties.hs_note_body).toContain('Onboarding phase moved by pm@acme.example</strong>: Admit → Activate');
    expect(hubspot.notes[0]!.properties.hs_note_body).toContain('Reason: Kickoff held early at the client&#39;s request');
    const update = hubspot.callsTo('/crm/v3/objects/deals/batch/update').at(-1)!.body.inputs[0];
    expect(update.properties).toMatchObject({ first100_phase: 'activate', first100_phase_entered_at: new Date(clock.now).toISOString() });
  });

  it('starts onboarding for a deal not in it yet (the empty card\'s offer)', async () => {
    const { server, clock } = await setUp({ deals: { '42': deal('Acme renewal') }, companies: { '7': 'Acme' } });
    const res = await cardCall(server.url, 'POST', '/api/cards/deals/42/phase', clock.now, { ...PM, body: { requestId: newRequestId(), to: 'admit', reason: 'Signed before first100 was installed' } });
    expect(res.status).toBe(200);
    expect((await res.json()).onboarding).toMatchObject({ phase: 'admit', day: 1, dayZero: '2026-12-04' });
  });

  it('a stage change that happened before the move but arrives after it does not undo it', async () => {
    const { server, clock } = await setUp({ deals: { '42': deal('Acme renewal') }, companies: { '7': 'Acme' } });
    await cardCall(server.url, 'POST', '/api/cards/deals/42/phase', clock.now, { ...PM, body: { requestId: newRequestId(), to: 'activate', reason: 'Kickoff done' } });
    await deliver(server.url, [stageEvent('42', 'contractsent', clock.now - 60_000)], clock.now);
    await server.worker.drain();
    const [state] = await server.db.query<{ phase: string }>(`SELECT phase FROM deal_onboarding WHERE deal_id = '42'`);
    expect(state!.phase).toBe('activate');
  });

  it('refuses a move without a reason, and one to the phase the deal is in', async () => {
    const { server, clock } = await setUp({ deals: { '42': deal('Acme renewal') } });
    const noReason = await cardCall(server.url, 'POST', '/api/cards/deals/42/phase', clock.now, { ...PM, body: { requestId: newRequestId(), to: 'admit', reason: '' } });
    expect(noReason.status).toBe(400);
    await cardCall(server.url, 'POST', '/api/cards/deals/42/phase', clock.now, { ...PM, body: { requestId: newRequestId(), to: 'admit', reason: 'Signed' } });
    const same = await cardCall(server.url, 'POST', '/api/cards/deals/42/phase', clock.now, { ...PM, body: { requestId: newRequestId(), to: 'admit', reason: 'Again' } });
    expect(same.status).toBe(409);
  });

  it('answers 503 when HubSpot cannot be read, so hubspot.fetch retries, and changes nothing', async () => {
    const { hubspot, server, clock } = await setUp({ deals: { '42': deal('Acme renewal') } });
    for (let i = 0; i < 3; i++) hubspot.failNext('/crm/v3/objects/deals/batch/read', 502);
    const res = await cardCall(server.url, 'POST', '/api/cards/deals/42/phase', clock.now, { ...PM, body: { requestId: newRequestId(), to: 'admit', reason: 'Signed' } });
    expect(res.status).toBe(503);
    expect(await server.db.query('SELECT * FROM phase_entries')).toEqual([]);
  });
});

describe('company card data', () => {
  it('its onboarding deals with phase, day and health; its health and segment; the feedback of its deals: all from the store', async () => {
    const { hubspot, server, clock, get } = await setUp({
      deals: { '42': deal('Acme renewal'), '43': deal('Acme pilot'), '44': deal('Acme old quote') },
      companies: { '7': 'Acme' },
    });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt), stageEvent('43', 'contractsent', wonAt)], clock.now);
    await server.worker.drain();
    const first = clock.now;
    await postAnswer(server.url, await surveyToken(server, { dealId: '42', survey: 'NPS', phase: 'admit', now: first }), { score: '9' });
    clock.now += 60_000;
    await postAnswer(server.url, await surveyToken(server, { dealId: '43', survey: 'CSAT', phase: 'assess', now: clock.now }), { score: '3' });
    await server.worker.drain();

    const before = hubspot.requests.length;
    const card = await get('/api/cards/companies/7?locale=it');
    expect(hubspot.requests.length).toBe(before);
    expect(card).toEqual({
      companyId: '7',
      name: 'Acme',
      health: { value: 'needs_attention', label: 'Da seguire' }, // its least healthy deal
      segment: { value: 'occasional', label: 'Occasionale' }, // not every answer positive
      deals: [
        { dealId: '42', name: 'Acme renewal', phase: 'admit', phaseLabel: 'Ammissione', day: 1, health: { value: 'on_track', label: 'In linea' } },
        { dealId: '43', name: 'Acme pilot', phase: 'assess', phaseLabel: 'Valutazione', day: null, health: { value: 'needs_attention', label: 'Da seguire' } },
      ],
      feedback: [
        { dealId: '43', dealName: 'Acme pilot', survey: 'CSAT', score: 3, label: 'CSAT 3/5', at: new Date(clock.now).toISOString() },
        { dealId: '42', dealName: 'Acme renewal', survey: 'NPS', score: 9, label: 'NPS 9/10', at: new Date(first).toISOString() },
      ],
      // Each answered touchpoint, the client's side only until the team rates it.
      touchpoints: [
        expect.objectContaining({ dealId: '42', dealName: 'Acme renewal', survey: 'NPS', touchpoint: 'Kickoff meeting', client: { score: 9, label: 'NPS 9/10', count: 1 }, team: null, gap: null }),
        expect.objectContaining({ dealId: '43', dealName: 'Acme pilot', survey: 'CSAT', touchpoint: 'Kickoff meeting', client: { score: 3, label: 'CSAT 3/5', count: 1 }, team: null, gap: null }),
      ],
      hubspotUnavailable: false,
    });
    // The same health and segment the engine wrote to the company in HubSpot.
    const written = hubspot.callsTo('/crm/v3/objects/companies/batch/update').at(-1)!.body.inputs[0].properties;
    expect(written).toEqual({ first100_health: 'needs_attention', first100_segment: 'occasional' });
  });

  it('a company with no onboarding and no feedback: its name from HubSpot, empty lists, no error', async () => {
    const { get } = await setUp({ deals: {}, companies: { '8': 'Beta' } });
    const card = await get('/api/cards/companies/8');
    expect(card).toEqual({ companyId: '8', name: 'Beta', health: null, segment: null, deals: [], feedback: [], touchpoints: [], hubspotUnavailable: false });
  });

  it('a company HubSpot does not have: 404', async () => {
    const { server, clock } = await setUp({ deals: {}, companies: { '8': 'Beta' } });
    const res = await cardCall(server.url, 'GET', '/api/cards/companies/99', clock.now);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('COMPANY_NOT_FOUND');
  });
});

import { describe, expect, it } from 'vitest';
import { cardCall } from '../support/card-requests.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';
import { onboardDeal, postAnswer, surveyToken } from '../support/survey.js';

const at = Date.parse('2026-12-07T09:00:00Z');
const PM = { userId: '2002', userEmail: 'pm@acme.example' };
const onCleanUp = isolateNetwork();
const deal = (name: string) => ({
  properties: { dealname: name, pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  contactIds: ['9'],
});

async function setUp() {
  const hubspot = fakeHubSpot({ deals: { '42': deal('Acme rollout'), '43': deal('Acme pilot') }, companies: { '7': 'Acme' } });
  const clock = { now: at };
  const server = await startServer({ clock: () => clock.now });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  await onboardDeal(server, at, '42', 'activate');
  const rate = (body: Record<string, unknown>, dealId = '42', o: Parameters<typeof cardCall>[4] = {}) =>
    cardCall(server.url, 'POST', `/api/cards/deals/${dealId}/touchpoint-ratings`, clock.now, { ...PM, body: { requestId: `rate-${Math.random().toString(36).slice(2)}`, ...body }, ...o });
  const ratings = () => server.db.query<{ touchpoint: string; survey: string; score: number }>('SELECT touchpoint, survey, score FROM team_ratings ORDER BY touchpoint');
  return { server, clock, rate, ratings, hubspot };
}

const kickoff = { survey: 'CSAT', touchpoint: 'Kickoff meeting' };

describe('rating a touchpoint from the team\'s side', () => {
  it('refuses what is not a rating of a surveyed touchpoint on its scale, with a clear 4xx, and stores nothing', async () => {
    const { rate, ratings } = await setUp();
    const refused = async (body: Record<string, unknown>, status: number, code: string, dealId = '42') => {
      const res = await rate(body, dealId);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    };
    await refused({ survey: 'CSAT', touchpoint: 'A touchpoint nobody surveys', score: 4 }, 400, 'UNKNOWN_TOUCHPOINT');
    await refused({ survey: 'NPS', touchpoint: 'Kickoff meeting', score: 4 }, 400, 'UNKNOWN_TOUCHPOINT'); // surveyed, but on another scale
    await refused({ ...kickoff, score: 6 }, 400, 'BAD_SCORE'); // CSAT is 1–5
    await refused({ ...kickoff, score: 0 }, 400, 'BAD_SCORE');
    await refused({ ...kickoff, score: 4.5 }, 400, 'INVALID_BODY');
    await refused({ survey: 'STARS', touchpoint: 'Kickoff meeting', score: 4 }, 400, 'INVALID_BODY');
    await refused({ ...kickoff, score: 4, comment: 'extra' }, 400, 'INVALID_BODY');
    await refused({ ...kickoff, score: 4 }, 409, 'NOT_IN_ONBOARDING', '43');
    expect(await ratings()).toEqual([]);
  });

  it('needs HubSpot\'s signature like every card request', async () => {
    const { rate, ratings } = await setUp();
    expect((await rate({ ...kickoff, score: 4 }, '42', { signature: null })).status).toBe(401);
    expect((await rate({ ...kickoff, score: 4 }, '42', { tamperBody: (b) => b.replace('"score":4', '"score":1') })).status).toBe(401);
    expect(await ratings()).toEqual([]);
  });

  it('acts once per requestId: a retry changes nothing, the same id with another score is refused; one note on the deal and company', async () => {
    const { server, clock, ratings, hubspot } = await setUp();
    const body = { requestId: 'rating-once-1', ...kickoff, score: 4 };
    const call = (b: Record<string, unknown>) => cardCall(server.url, 'POST', '/api/cards/deals/42/touchpoint-ratings', clock.now, { ...PM, body: b });
    expect((await call(body)).status).toBe(200);
    expect((await call(body)).status).toBe(200);
    const reused = await call({ ...body, score: 1 });
    expect(reused.status).toBe(409);
    expect((await reused.json()).error.code).toBe('REQUEST_ID_REUSED');
    expect(await ratings()).toEqual([{ ...kickoff, score: 4 }]);
    await server.worker.drain();
    const notes = hubspot.notes.filter((n) => n.properties.hs_note_body?.includes("Team's view"));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.properties.hs_note_body).toMatch(
      /^<p><strong>Team's view of “Kickoff meeting” by pm@acme\.example: CSAT 4\/5<\/strong><\/p><p>Client's view: no answer yet<\/p><p>first100 ref [0-9a-f]{16}<\/p>$/,
    );
    expect(notes[0]!.associations.map((a: any) => [a.to.id, a.types[0].associationTypeId])).toEqual([['42', 214], ['7', 190]]);
  });

  it('also takes a touchpoint a workflow asked this deal\'s client about', async () => {
    const { server, clock, rate, ratings } = await setUp();
    const token = await surveyToken(server, { dealId: '42', survey: 'CES', touchpoint: 'Check-in after a quiet period', phase: 'activate', now: clock.now });
    expect((await postAnswer(server.url, token, { score: '6' })).status).toBe(200);
    const res = await rate({ survey: 'CES', touchpoint: 'Check-in after a quiet period', score: 2 });
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view.touchpoints.map((t: any) => [t.touchpoint, t.scale])).toEqual([
      ['Kickoff meeting', 'CSAT 1–5'],
      ['Check-in after a quiet period', 'CES 1–7 (1 = least effort)'],
    ]);
    expect(view.touchpoints[1]).toMatchObject({
      client: { score: 6, label: 'CES 6/7 (1 = least effort)', count: 1 },
      team: { score: 2, label: 'CES 2/7 (1 = least effort)', count: 1 },
      gap: { points: 4, flagged: true, text: 'The team rates it 4 points better than the client' },
    });
    expect(await ratings()).toEqual([{ survey: 'CES', touchpoint: 'Check-in after a quiet period', score: 2 }]);
  });
});

describe('the scales kept apart on the cards and in HubSpot', () => {
  it('an NPS then a CES answer: each lands in its own property, and the card shows the latest of each with its scale', async () => {
    const { server, clock, hubspot } = await setUp();
    const answer = async (survey: 'NPS' | 'CES', score: string, touchpoint: string) => {
      const token = await surveyToken(server, { dealId: '42', survey, touchpoint, phase: 'activate', now: clock.now });
      expect((await postAnswer(server.url, token, { score })).status).toBe(200);
      await server.worker.drain();
    };
    await answer('NPS', '9', 'The first weeks');
    clock.now += 3600_000;
    await answer('CES', '6', 'Data migration');
    const written = hubspot.callsTo('/crm/v3/objects/deals/batch/update').flatMap((c) => c.body.inputs).filter((i: any) => 'first100_last_feedback_score' in i.properties);
    expect(written.map((i: any) => i.properties)).toEqual([
      expect.objectContaining({ first100_last_feedback_score: '9', first100_last_nps: '9', first100_last_nps_at: new Date(at).toISOString() }),
      expect.objectContaining({ first100_last_feedback_score: '6', first100_last_ces: '6', first100_last_ces_at: new Date(clock.now).toISOString() }),
    ]);
    expect(Object.keys(written[1].properties).filter((k) => /^first100_last_(nps|csat)/.test(k))).toEqual([]); // the NPS stays as it was

    const card = await (await cardCall(server.url, 'GET', '/api/cards/deals/42?locale=it', clock.now)).json();
    expect(card.lastFeedback).toMatchObject({ survey: 'CES', score: 6, label: 'CES 6/7 (1 = minimo impegno)' });
    expect(card.lastScores.map((s: any) => s.label)).toEqual(['NPS 9/10', 'CES 6/7 (1 = minimo impegno)']);
    const company = await (await cardCall(server.url, 'GET', '/api/cards/companies/7?locale=en', clock.now)).json();
    expect(company.feedback).toEqual([expect.objectContaining({ dealId: '42', survey: 'CES', score: 6, label: 'CES 6/7 (1 = least effort)' })]);
  });
});

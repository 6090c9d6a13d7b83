import { describe, expect, it } from 'vitest';
import { SCALE_PROPERTIES } from '../../src/domain/feedback-scales.js';
import type { Running } from '../../src/boot.js';
import { clientLink, clientPageHubSpot, clientPagePlaybook, formTokenOf, PM, postForm } from '../support/client-page.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { sentSurvey as sentSurveyAt } from '../support/sent-survey.js';
import { startServer } from '../support/start-server.js';
import { DAY_MS, postAnswer, type SurveyRequestOptions } from '../support/survey.js';

const at = Date.parse('2026-12-07T10:00:00Z'); // Monday 11:00 in Rome
const onCleanUp = isolateNetwork();

async function setUp(locale: 'en' | 'it' = 'en') {
  const hubspot = clientPageHubSpot();
  const clock = { now: at };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: await clientPagePlaybook() } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const token = await clientLink(server, at, '42', 'activate', '9', locale);
  const open = async () => (await fetch(`${server.url}/c/${token}`)).text();
  return { hubspot, server, clock, token, open };
}

/** A survey sent to the contact, by default now. */
const sentSurvey = (server: Running, o: Omit<SurveyRequestOptions, 'now'> & { now?: number; status?: string }) => sentSurveyAt(server, { ...o, now: o.now ?? at });

const surveyForms = (html: string) => html.match(/<form method="post" action="[^"]+\/survey\/[^"]+"/g) ?? [];

describe('the open survey on the client page', () => {
  it('asks the contact\'s open survey with the survey page\'s own question, scale and words, without script', async () => {
    const { server, token, open } = await setUp();
    const { id } = await sentSurvey(server, { dealId: '42', survey: 'CSAT', touchpoint: 'Kickoff meeting' });
    const html = await open();
    expect(surveyForms(html)).toEqual([`<form method="post" action="${token}/survey/${id}"`]);
    expect(html).toContain('<legend>How satisfied are you with “Kickoff meeting”?</legend>');
    expect(html.match(/type="radio" name="score"/g)).toHaveLength(5);
    expect(html).toContain('<span class="vh"> (Very dissatisfied)</span>');
    expect(html).toContain('<span>5 = Very satisfied</span>');
    expect(html).toContain('>Send my answer</button>');
    // The question and the ends are the survey page's, word for word.
    const surveyPage = await (await fetch(`${server.url}/feedback/${(await sentSurvey(server, { dealId: '43', contactId: '10', survey: 'CSAT' })).token}`)).text();
    for (const part of ['<legend>How satisfied are you with “Kickoff meeting”?</legend>', '<p class="ends" id="scale-ends" aria-hidden="true"><span>1 = Very dissatisfied</span><span>5 = Very satisfied</span></p>']) {
      expect(surveyPage).toContain(part);
      expect(html).toContain(part);
    }
    expect(html).not.toMatch(/\bCSAT\b|kickoff-survey/); // no internal labels
    // Italian, when the page speaks Italian.
    const italian = await (await fetch(`${server.url}/c/${token}?lang=it`)).text();
    expect(italian).toContain('<legend>Quanto siete soddisfatti di “Kickoff meeting”?</legend>');
    expect(italian).toContain('<span>1 = Per niente soddisfatti</span>');
    expect(italian).toContain('>Invia la risposta</button>');
  });

  it('shows no survey when none is open: none sent, its email not sent, expired, answered, or another contact\'s', async () => {
    const { server, clock, open } = await setUp();
    expect(surveyForms(await open())).toEqual([]);
    await sentSurvey(server, { dealId: '42', survey: 'NPS', status: 'failed' });
    await sentSurvey(server, { dealId: '42', contactId: '10', survey: 'CES', now: at + 1 });
    await sentSurvey(server, { dealId: '42', survey: 'CSAT', now: at - 70 * DAY_MS, ttlMs: 60 * DAY_MS });
    expect(surveyForms(await open())).toEqual([]);
    const { token: answered } = await sentSurvey(server, { dealId: '42', survey: 'CSAT', now: at + 2 });
    expect(surveyForms(await open())).toHaveLength(1);
    expect((await postAnswer(server.url, answered, { score: '4' })).status).toBe(200); // answered from the email's survey page
    expect(surveyForms(await open())).toEqual([]);
    const { id } = await sentSurvey(server, { dealId: '42', survey: 'NPS', now: at + 3, ttlMs: DAY_MS });
    expect(surveyForms(await open())).toEqual([expect.stringContaining(`/survey/${id}"`)]);
    clock.now = at + 3 + DAY_MS;
    expect(surveyForms(await open())).toEqual([]);
  });

  it('records the answer once with all its HubSpot effects, however often posted; then thanks and no longer asks', async () => {
    const { server, hubspot, token, open } = await setUp();
    const { id } = await sentSurvey(server, { dealId: '42', survey: 'CSAT', touchpoint: 'Kickoff meeting' });
    const csrf = formTokenOf(await open());
    const before = { notes: hubspot.notes.length, tasks: hubspot.tasks.length, dealWrites: hubspot.callsTo('/crm/v3/objects/deals/batch/update').length };
    for (let i = 0; i < 2; i++) {
      const res = await postForm(`${server.url}/c/${token}/survey/${id}`, { csrf, lang: 'en', score: '1', comment: 'The kickoff ran late and missed our IT lead.' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`../../${token}?lang=en&sent=survey`);
    }
    await server.worker.drain();
    expect(await server.db.query('SELECT score, comment, revisions FROM feedback_answers')).toEqual([{ score: 1, comment: 'The kickoff ran late and missed our IT lead.', revisions: 1 }]);
    const notes = hubspot.notes.slice(before.notes).filter((n) => n.properties.hs_note_body?.includes('The kickoff ran late'));
    expect(notes).toHaveLength(1);
    // A detractor: the PM's follow-up call, once.
    const followUps = hubspot.tasks.slice(before.tasks).filter((t) => t.properties.hs_task_body?.includes('The kickoff ran late'));
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.properties).toMatchObject({ hs_task_priority: 'HIGH', hubspot_owner_id: PM.id });
    const dealWrites = hubspot.callsTo('/crm/v3/objects/deals/batch/update').slice(before.dealWrites).flatMap((c) => c.body.inputs).map((i: any) => i.properties);
    // Each property once, whichever batch carried it: the scale's, the health the detractor makes at risk, and the
    // visit (a page action is one).
    const written = (name: string) => dealWrites.filter((p: any) => name in p).map((p: any) => p[name]);
    expect(written('first100_last_feedback_score')).toEqual(['1']);
    expect(written(SCALE_PROPERTIES.CSAT.score)).toEqual(['1']);
    expect(written('first100_health')).toEqual(['at_risk']);
    expect(written('first100_client_last_seen')).toEqual([new Date(at).toISOString()]);

    const after = await (await fetch(`${server.url}/c/${token}?sent=survey`)).text();
    expect(after).toContain('<p class="notice" role="status">Thank you! Your answer is recorded, and the team will read it.</p>');
    expect(surveyForms(after)).toEqual([]);
  });

  it('refuses an answer without the page token, for another contact\'s survey, or without a score', async () => {
    const { server, token, open } = await setUp();
    const { id } = await sentSurvey(server, { dealId: '42', survey: 'CSAT' });
    const { id: others } = await sentSurvey(server, { dealId: '42', contactId: '10', survey: 'CSAT', now: at + 1 });
    const csrf = formTokenOf(await open());
    expect((await postForm(`${server.url}/c/${token}/survey/${id}`, { score: '5' })).status).toBe(403);
    expect((await postForm(`${server.url}/c/${token}/survey/${id}`, { score: '5', csrf: csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).status).toBe(403);
    expect((await postForm(`${server.url}/c/${token}/survey/${others}`, { score: '5', csrf })).status).toBe(404);
    expect((await postForm(`${server.url}/c/${token}/survey/not-an-id`, { score: '5', csrf })).status).toBe(404);
    const noScore = await postForm(`${server.url}/c/${token}/survey/${id}`, { csrf, score: '9' });
    expect(noScore.status).toBe(400);
    expect(await noScore.text()).toContain('Choose a score from 1 to 5, then send again.');
    await server.worker.drain();
    expect(await server.db.query('SELECT 1 FROM feedback_answers')).toEqual([]);
    expect(await server.db.query("SELECT 1 FROM steps WHERE effect_key LIKE '%:feedback:%' OR effect_key LIKE '%:client-seen:%'")).toEqual([]);
  });
});

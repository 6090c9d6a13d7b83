import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FEEDBACK_CSP } from '../../src/server/feedback-page/layout.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';
import { DAY_MS, postAnswer, surveyToken } from '../support/survey.js';

const at = Date.parse('2026-12-07T10:00:00Z'); // Monday 11:00 in Rome
const onCleanUp = isolateNetwork();

async function setUp() {
  const hubspot = fakeHubSpot({ deals: {} });
  const clock = { now: at };
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const server = await startServer({ clock: () => clock.now, log });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const recorded = async () => ({
    answers: await server.db.query<{ score: number; comment: string | null; revisions: number }>('SELECT score, comment, revisions FROM feedback_answers'),
    steps: Number((await server.db.query<{ n: string }>("SELECT count(*) AS n FROM steps WHERE effect_key LIKE '%:feedback:%'"))[0]!.n),
  });
  return { hubspot, server, clock, lines, recorded };
}

const checkedScore = (html: string) => html.match(/value="(\d+)" required checked/)?.[1] ?? null;

describe('the survey page', () => {
  it('names the touchpoint and asks the score and an open question, with labels and no script, under a strict policy', async () => {
    const { server, recorded } = await setUp();
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', now: at });
    const res = await fetch(`${server.url}/feedback/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(FEEDBACK_CSP);
    expect(FEEDBACK_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('About: Kickoff meeting');
    expect(html).toMatch(/<fieldset><legend>How satisfied are you with “Kickoff meeting”\?<\/legend>/);
    expect(html.match(/type="radio" name="score"/g)).toHaveLength(5);
    expect(html).toContain('<span class="vh"> (Very dissatisfied)</span>');
    expect(html).toMatch(/<label class="q" for="comment">[^<]+<\/label>/);
    expect(html).toContain('<textarea id="comment" name="comment" rows="5" maxlength="2000"');
    expect(html).toContain(`<form method="post" action="${token}">`);
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\//);
    expect(checkedScore(html)).toBeNull();
    expect(await recorded()).toEqual({ answers: [], steps: 0 });
  });

  it('preselects the score clicked in the email and records nothing until the form is sent', async () => {
    const { server, recorded, hubspot } = await setUp();
    const token = await surveyToken(server, { dealId: '42', survey: 'NPS', now: at });
    const html = await (await fetch(`${server.url}/feedback/${token}?score=9`)).text();
    expect(checkedScore(html)).toBe('9');
    expect(html.match(/type="radio" name="score"/g)).toHaveLength(11);
    expect(html).toContain('We kept the score you chose in the email');
    // The same question the email asked, naming who asks as the email does (EMAIL_BRAND_NAME, "first100" by default).
    expect(html).toContain('<legend>How likely are you to recommend first100 to a friend or colleague?</legend>');
    expect(checkedScore(await (await fetch(`${server.url}/feedback/${token}?score=11`)).text())).toBeNull();
    await server.worker.drain();
    expect(await recorded()).toEqual({ answers: [], steps: 0 });
    expect(hubspot.requests).toEqual([]);
  });

  it('speaks the request\'s language: Italian and English', async () => {
    const { server } = await setUp();
    const it_ = await surveyToken(server, { dealId: '42', survey: 'CES', locale: 'it', touchpoint: 'Riunione di avvio', now: at });
    const en = await surveyToken(server, { dealId: '43', survey: 'CES', locale: 'en', now: at });
    const italian = await (await fetch(`${server.url}/feedback/${it_}`)).text();
    expect(italian).toContain('<html lang="it">');
    expect(italian).toContain('Riguardo a: Riunione di avvio');
    expect(italian).toContain('Quanto impegno vi ha richiesto “Riunione di avvio”?');
    expect(italian).toContain('La vostra opinione');
    expect(italian).toContain('Invia la risposta');
    const english = await (await fetch(`${server.url}/feedback/${en}`)).text();
    expect(english).toContain('How much effort did “Kickoff meeting” take on your side?');
    expect(english).toContain('Send my answer');
    expect(english.match(/type="radio" name="score"/g)).toHaveLength(7);
  });

  it('answers unknown and malformed links with a friendly 404 in the browser\'s language', async () => {
    const { server } = await setUp();
    const res = await fetch(`${server.url}/feedback/${'A'.repeat(43)}`, { headers: { 'accept-language': 'it-IT,it;q=0.9' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(FEEDBACK_CSP);
    const html = await res.text();
    expect(html).toContain('Questo link non funziona');
    expect((await fetch(`${server.url}/feedback/short`)).status).toBe(404);
    expect((await postAnswer(server.url, 'B'.repeat(43), { score: '3' })).status).toBe(404);
  });

  it('closes an expired link with a 410 page, and records nothing', async () => {
    const { server, clock, recorded } = await setUp();
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', now: at, ttlMs: 60 * DAY_MS });
    clock.now = at + 60 * DAY_MS;
    const page = await fetch(`${server.url}/feedback/${token}?score=5`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This survey has closed');
    expect((await postAnswer(server.url, token, { score: '5' })).status).toBe(410);
    expect(await recorded()).toEqual({ answers: [], steps: 0 });
  });

  it('refuses a score off the scale or a comment too long with the form again and the error announced', async () => {
    const { server, recorded } = await setUp();
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', now: at });
    for (const score of ['9', '0', 'x', '']) {
      const res = await postAnswer(server.url, token, { score, comment: 'kept' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('<p class="error" role="alert" id="form-error">Choose a score from 1 to 5, then send again.</p>');
      expect(html).toContain('<fieldset aria-describedby="form-error" aria-invalid="true">');
      expect(html).toContain('>kept</textarea>');
      expect(html).toContain('<title>Error: Your feedback');
    }
    const long = await postAnswer(server.url, token, { score: '4', comment: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(html).toContain('longer than 2000 characters');
    expect(checkedScore(html)).toBe('4');
    expect(await recorded()).toEqual({ answers: [], steps: 0 });
  });

  it('takes one answer, lets it change within 24 hours (counting revisions), then keeps it', async () => {
    const { server, clock, recorded } = await setUp();
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', now: at });
    const first = await postAnswer(server.url, token, { score: '4', comment: 'Good kickoff' });
    expect(first.status).toBe(200);
    const thanks = await first.text();
    expect(thanks).toContain('Thank you!');
    expect(thanks).toContain('You can change it until 8 December 2026 at 11:00');

    clock.now = at + 3600_000;
    const again = await postAnswer(server.url, token, { score: '4', comment: 'Good kickoff' }); // a reload of the thanks page
    expect(again.status).toBe(200);
    expect((await recorded()).answers).toEqual([{ score: 4, comment: 'Good kickoff', revisions: 1 }]);

    const form = await (await fetch(`${server.url}/feedback/${token}`)).text();
    expect(checkedScore(form)).toBe('4');
    expect(form).toContain('>Good kickoff</textarea>');
    expect(form).toContain('You answered on 7 December 2026 at 11:00. You can change your answer until 8 December 2026 at 11:00.');

    clock.now = at + 23 * 3600_000;
    expect((await postAnswer(server.url, token, { score: '2', comment: 'On second thought, slow' })).status).toBe(200);
    expect((await recorded()).answers).toEqual([{ score: 2, comment: 'On second thought, slow', revisions: 2 }]);

    clock.now = at + 24 * 3600_000 + 1;
    const late = await postAnswer(server.url, token, { score: '5' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('You have already answered');
    expect((await fetch(`${server.url}/feedback/${token}`)).status).toBe(409);
    expect((await recorded()).answers).toEqual([{ score: 2, comment: 'On second thought, slow', revisions: 2 }]);
  });

  it('rate limits per link and per address, and never logs a token', async () => {
    const { server, lines } = await setUp();
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', now: at });
    for (let i = 0; i < 20; i++) expect((await fetch(`${server.url}/feedback/${token}`)).status).toBe(200);
    const limited = await fetch(`${server.url}/feedback/${token}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('600');
    expect(await limited.text()).toContain('Too many attempts');

    for (let i = 0; i < 39; i++) expect((await fetch(`${server.url}/feedback/${String(i).padStart(43, 'x')}`)).status).toBe(404);
    expect((await fetch(`${server.url}/feedback/${'y'.repeat(43)}`)).status).toBe(429);

    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).toMatch(/"path":"\/feedback\/ref:[0-9a-f]{12}"/);
  });
});

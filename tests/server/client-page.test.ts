import { describe, expect, it } from 'vitest';
import { clientPageStyle } from '../../src/server/client-page/layout.js';
import { revokeDealLinks } from '../../src/store/client-links.js';
import { cardCall } from '../support/card-requests.js';
import { clientLink, clientPageHubSpot, clientPagePlaybook, formTokenOf, PM, postForm, REP } from '../support/client-page.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';
import { DAY_MS } from '../support/survey.js';

const at = Date.parse('2026-12-07T10:00:00Z'); // Monday 11:00 in Rome
const onCleanUp = isolateNetwork();

async function setUp() {
  const hubspot = clientPageHubSpot();
  const clock = { now: at };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: await clientPagePlaybook() } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const traces = async () => ({
    answers: await server.db.query('SELECT task_id, status FROM client_task_answers'),
    steps: await server.db.query<{ effect_key: string }>("SELECT effect_key FROM steps WHERE effect_key LIKE '%:client-%'"),
    contact: (await server.db.query<{ last_contact_at: string | null }>("SELECT last_contact_at FROM deal_onboarding WHERE deal_id = '42'"))[0]?.last_contact_at ?? null,
  });
  return { hubspot, server, clock, traces };
}

const NOTHING = { answers: [], steps: [], contact: null };

describe('the client page', () => {
  it('shows where the project is, what comes next, the client tasks and the team, under a strict policy, recording nothing', async () => {
    const { server, traces, hubspot } = await setUp();
    const token = await clientLink(server, at, '42', 'activate', '9');
    const requestsBefore = hubspot.requests.length;
    const res = await fetch(`${server.url}/c/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(clientPageStyle('#1f6feb').csp);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; script-src 'self'; connect-src 'self'$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Acme S.p.A.: your first 100 days</h1>');
    expect(html).toMatch(/<li class="current" aria-current="step">Your kickoff<span class="vh"> \(we are here\)<\/span><\/li>/);
    expect(html).toContain('<strong>Your kickoff</strong>: We start working together');
    expect(html).toMatch(/Day \d+ of 100/);
    // Client-facing words only: never the internal phase labels.
    expect(html).not.toMatch(/\b(Activate|Affirm|Acclimate|Rimorso)\b/);
    expect(html).toMatch(/<strong>Kickoff meeting<\/strong> <span class="when">— Friday 11 December<\/span>/);
    expect(html).toContain('then: <strong>Settling in</strong>');
    expect(html).not.toContain('Prepare the kickoff'); // a team-only task
    expect(html).toContain('<h3>Name your day-to-day contact person</h3>');
    expect(html).toContain('<h3>Confirm the goals and success criteria agreed at the kickoff</h3>');
    expect(html).toContain(`<h3>${PM.name}</h3><p class="hint">Project manager</p>`);
    expect(html).toContain(`<a href="tel:+390212345678">${PM.phone}</a>`);
    expect(html).toContain(`<h3>${REP.name}</h3>`);
    expect(html).not.toContain('What we agreed'); // nothing shared yet
    // One script, our own (the visit beacon); nothing from elsewhere.
    expect(html.match(/<script[^>]*>/g)).toEqual([expect.stringMatching(/^<script src="\.\.\/assets\/client-visit-[0-9a-f]{12}\.js" defer data-visit="[^"]+\/visit" data-csrf="[^"]+">$/)]);
    expect(html).not.toMatch(/<link|<img|https?:\/\//);
    expect(await traces()).toEqual(NOTHING);
    expect(hubspot.requests.length).toBe(requestsBefore);
  });

  it('speaks the contact\'s language, and switches with the page\'s links', async () => {
    const { server } = await setUp();
    const token = await clientLink(server, at, '42', 'activate', '9', 'it');
    const italian = await (await fetch(`${server.url}/c/${token}`)).text();
    expect(italian).toContain('<html lang="it">');
    expect(italian).toContain('A che punto siamo');
    expect(italian).toContain('L’avvio dei lavori');
    expect(italian).toContain(`<a href="${token}?lang=en" lang="en" hreflang="en">English</a>`);
    const english = await (await fetch(`${server.url}/c/${token}?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Where we are');
  });

  it('answers an unknown, an expired and a revoked link with a page that offers a new link', async () => {
    const { server, clock } = await setUp();
    const token = await clientLink(server, at, '42', 'activate', '9');
    const unknown = await fetch(`${server.url}/c/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Email me a new link');

    clock.now = at + 130 * DAY_MS;
    const expired = await fetch(`${server.url}/c/${token}`);
    expect(expired.status).toBe(410);
    const expiredHtml = await expired.text();
    expect(expiredHtml).toContain('This link has expired');
    expect(expiredHtml).toContain(`action="${token}/resend"`);

    clock.now = at;
    await revokeDealLinks(server.db, '42', at);
    const revoked = await fetch(`${server.url}/c/${token}`);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain('This link is no longer active');
    expect(revoked.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a form without the page token, and a link of one deal acting on another deal\'s task', async () => {
    const { server, traces } = await setUp();
    const token = await clientLink(server, at, '42', 'activate', '9');
    const other = await clientLink(server, at, '43', 'admit', '10');
    const csrf = formTokenOf(await (await fetch(`${server.url}/c/${token}`)).text());

    const noToken = await postForm(`${server.url}/c/${token}/tasks/day-to-day-contact`, { status: 'done' });
    expect(noToken.status).toBe(403);
    const wrongToken = await postForm(`${server.url}/c/${token}/tasks/day-to-day-contact`, { status: 'done', csrf: csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(wrongToken.status).toBe(403);
    // The other deal's page token does not open this one's forms, and this deal's task is not the other deal's.
    const otherCsrf = formTokenOf(await (await fetch(`${server.url}/c/${other}`)).text());
    expect((await postForm(`${server.url}/c/${token}/tasks/day-to-day-contact`, { status: 'done', csrf: otherCsrf })).status).toBe(403);
    expect((await postForm(`${server.url}/c/${other}/tasks/day-to-day-contact`, { status: 'done', csrf: otherCsrf })).status).toBe(404);
    expect(await traces()).toEqual(NOTHING);
    expect(await server.db.query("SELECT 1 FROM client_task_answers WHERE deal_id = '43'")).toEqual([]);
  });

  it('carries done into a note and stuck into a HIGH task for the PM due today, each once when posted twice', async () => {
    const { server, hubspot, traces } = await setUp();
    const token = await clientLink(server, at, '42', 'activate', '9');
    const csrf = formTokenOf(await (await fetch(`${server.url}/c/${token}`)).text());
    const notesBefore = hubspot.notes.length;
    const tasksBefore = hubspot.tasks.length;
    for (let i = 0; i < 2; i++) {
      const done = await postForm(`${server.url}/c/${token}/tasks/day-to-day-contact`, { status: 'done', csrf, lang: 'en' });
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe(`../../${token}?lang=en&sent=task`);
      const stuck = await postForm(`${server.url}/c/${token}/tasks/confirm-success-criteria`, { status: 'stuck', csrf, comment: 'We have not agreed the criteria with our board yet.' });
      expect(stuck.status).toBe(303);
    }
    expect((await postForm(`${server.url}/c/${token}/tasks/confirm-success-criteria`, { status: 'stuck', csrf })).status).toBe(400);
    await server.worker.drain();
    const notes = hubspot.notes.slice(notesBefore);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.properties.hs_note_body).toContain('Client task done</strong>: Name your day-to-day contact person');
    const tasks = hubspot.tasks.slice(tasksBefore);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.properties).toMatchObject({ hs_task_priority: 'HIGH', hubspot_owner_id: PM.id });
    expect(tasks[0]!.properties.hs_task_subject).toBe('The client is stuck and asks for help: Confirm the goals and success criteria agreed at the kickoff');
    expect(tasks[0]!.properties.hs_task_body).toContain('We have not agreed the criteria with our board yet.');
    expect(new Date(tasks[0]!.properties.hs_timestamp!).toISOString().slice(0, 10)).toBe('2026-12-07');
    const after = await traces();
    expect(after.answers).toHaveLength(2);
    expect(Number(after.contact)).toBe(at); // contact, for the silent-client sweep
    // Five posts within the hour: HubSpot hears of the client's visit once.
    const seen = hubspot.callsTo('/crm/v3/objects/deals/batch/update').flatMap((c) => c.body.inputs).filter((i: any) => i.properties.first100_client_last_seen);
    expect(seen).toEqual([{ id: '42', properties: { first100_client_last_seen: new Date(at).toISOString() } }]);
    expect(await server.db.query('SELECT deal_id, contact_id, last_seen_at::float8 AS last_seen_at FROM client_visits')).toEqual([{ deal_id: '42', contact_id: '9', last_seen_at: at }]);
    const page = await (await fetch(`${server.url}/c/${token}?sent=task`)).text();
    expect(page).toContain('Thank you: we received it.');
    expect(page).toContain('Done on Monday 7 December. Thank you!');
    expect(page).toContain('You asked for help on Monday 7 December');
    // The deal card's list follows.
    const card = await cardCall(server.url, 'GET', '/api/cards/client-pages/42?locale=en', at, { userId: '2002' });
    expect(((await card.json()) as any).tasks).toEqual([
      { id: 'day-to-day-contact', title: 'Name your day-to-day contact person', dueAt: expect.any(Number), status: 'done', comment: null },
      { id: 'confirm-success-criteria', title: 'Confirm the goals and success criteria agreed at the kickoff', dueAt: expect.any(Number), status: 'stuck', comment: 'We have not agreed the criteria with our board yet.' },
    ]);
  });

  it('lands a free comment on the deal as one note, however often it is sent', async () => {
    const { server, hubspot } = await setUp();
    const token = await clientLink(server, at, '42', 'activate', '9');
    const csrf = formTokenOf(await (await fetch(`${server.url}/c/${token}`)).text());
    const before = hubspot.notes.length;
    for (let i = 0; i < 2; i++) expect((await postForm(`${server.url}/c/${token}/comment`, { csrf, comment: 'All good <b>so far</b>' })).status).toBe(303);
    await server.worker.drain();
    const notes = hubspot.notes.slice(before);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.properties.hs_note_body).toContain('All good &lt;b&gt;so far&lt;/b&gt;');
  });
});

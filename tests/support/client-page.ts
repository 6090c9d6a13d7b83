import nock from 'nock';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Running } from '../../src/boot.js';
import { issueClientLink } from '../../src/store/client-links.js';
import { fakeHubSpot } from './fake-hubspot.js';
import { startSmtpSink } from './smtp-sink.js';
import { startServer } from './start-server.js';
import { DAY_MS, onboardDeal } from './survey.js';

export const PM = { id: '201', name: 'Giulia Bianchi', email: 'giulia.bianchi@example.com', phone: '+39 02 1234 5678' };
export const REP = { id: '101', name: 'Marco Rossi', email: 'marco.rossi@example.com' };

/** A default playbook (English or Italian) with the team the client page names. */
export async function clientPagePlaybook(locale: 'en' | 'it' = 'en'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-client-page-'));
  const path = join(dir, `playbook.${locale}.yml`);
  const team = `\nteam:\n  "${PM.id}": {name: "${PM.name}", email: "${PM.email}", phone: "${PM.phone}"}\n  "${REP.id}": {name: "${REP.name}", email: "${REP.email}"}\n`;
  writeFileSync(path, readFileSync(`playbooks/default.${locale}.yml`, 'utf8') + team);
  return path;
}

/** HubSpot with two deals of one company, each with its own contact; owner 101 closed them, 201 is their PM. */
export function clientPageHubSpot() {
  const deal = (name: string, contact: string) => ({
    properties: { dealname: name, pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: REP.id, first100_pm_owner: PM.id, closedate: null },
    companyId: '7',
    contactIds: [contact],
  });
  // HubSpot's owners (the PM introduction email names the PM from them); the fake's stop() clears this too.
  const people: Record<string, { firstName: string; lastName: string; email: string }> = {
    [PM.id]: { firstName: 'Giulia', lastName: 'Bianchi', email: PM.email },
    [REP.id]: { firstName: 'Marco', lastName: 'Rossi', email: REP.email },
  };
  nock('https://api.hubapi.com').persist().get(/^\/crm\/v3\/owners\/\d+$/).reply((path) => {
    const id = path.split('/').pop()!;
    return people[id] ? [200, { id, ...people[id], archived: false }] : [404, { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'no owner' }];
  });
  return fakeHubSpot({
    deals: { '42': deal('Acme rollout', '9'), '43': deal('Acme second site', '10') },
    companies: { '7': 'Acme S.p.A.' },
    contacts: {
      '9': { email: 'anna@acme.example', firstname: 'Anna', lastname: 'Verdi', hs_language: 'en' },
      '10': { email: 'luca@acme.example', firstname: 'Luca', lastname: 'Neri', hs_language: 'it' },
    },
  });
}

/** Onboards the deal into `phase` as HubSpot and the PM's card would, then issues a page link as an email would. */
export async function clientLink(server: Running, now: number, dealId: string, phase: 'admit' | 'activate', contactId: string, locale: 'en' | 'it' = 'en'): Promise<string> {
  await onboardDeal(server, now, dealId, phase);
  return issueClientLink(server.db, { dealId, contactId, locale, now, expiresAt: now + 130 * DAY_MS });
}

/** Posts a form of the page as a browser without JavaScript does; redirects are not followed. */
export function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** The page's form token, read from the page as a browser would. */
export function formTokenOf(html: string): string {
  const found = html.match(/name="csrf" value="([^"]+)"/);
  if (!found) throw new Error('the page has no form token');
  return found[1]!;
}

/**
 * The client page's HubSpot and a server on the default playbook whose emails really go out (a local SMTP sink: only
 * an email that went out is logged in HubSpot), with a clock the test moves; all stopped by `onCleanUp`.
 */
export async function clientPageServerWithMail(now: number, onCleanUp: (cleanUp: () => Promise<void>) => void) {
  const hubspot = clientPageHubSpot();
  const clock = { now };
  const sink = await startSmtpSink();
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: await clientPagePlaybook(), SMTP_URL: sink.url, EMAIL_FROM: 'onboarding@first100.example.com' } });
  onCleanUp(async () => {
    await server.cleanUp();
    await sink.stop();
    hubspot.stop();
  });
  return { hubspot, clock, sink, server };
}

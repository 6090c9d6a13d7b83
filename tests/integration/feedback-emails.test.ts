import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage, surveyLinksIn } from '../../src/email/outbox-reader.js';
import { findFeedbackRequest } from '../../src/store/feedback-requests.js';
import { lockHandoff, saveHandoff } from '../../src/store/handoff-store.js';
import { createDryRunAdapter } from '../../src/hubspot/dry-run-adapter.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeData } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { outboxFiles } from '../support/outbox.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { PUBLIC_URL, startServer } from '../support/start-server.js';

const onCleanUp = isolateNetwork();
const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome: the welcome falls due Monday 09:00
const monday = Date.parse('2026-12-07T08:01:00Z');

const data = (): FakeData => ({
  deals: {
    '42': {
      properties: { dealname: 'ERP rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
      companyId: '7',
      contactIds: ['9', '11'],
      contactLabels: { '11': ['Primary'] },
    },
    '43': {
      properties: { dealname: 'Second project', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
      companyId: '7',
      contactIds: ['11'],
    },
    '44': {
      properties: { dealname: 'Pilot', pipeline: '987654', dealstage: '111', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
      companyId: '7',
      contactIds: ['9'],
    },
  },
  companies: { '7': 'Rossi Meccanica' },
  contacts: {
    '9': { email: 'sam@example.com', firstname: 'Sam', lastname: 'Carter', hs_language: null },
    '11': { email: 'anna@example.com', firstname: 'Anna', lastname: 'Rossi', hs_language: 'it-it' },
  },
});

/** The server live on the HubSpot fake, sending through a local SMTP server: only a sent email is logged. */
async function setUp() {
  const hubspot = fakeHubSpot(data());
  const clock = { now: wonAt + 5000 };
  const sink = await startSmtpSink();
  const server = await startServer({ clock: () => clock.now, env: { SMTP_URL: sink.url, EMAIL_FROM: 'onboarding@first100.example.com' } });
  onCleanUp(async () => {
    await server.cleanUp();
    await sink.stop();
    hubspot.stop();
  });
  const mails = () => sink.messages.map((m) => parseMessage(m.raw));
  return { hubspot, clock, server, mails };
}

describe('feedback emails', { timeout: 120_000 }, () => {
  it('sends the welcome to the deal\'s primary contact in their language, once, and logs it on the deal, contact and company', async () => {
    const { hubspot, clock, server, mails } = await setUp();
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    expect(mails()).toHaveLength(0); // not due before Monday 09:00

    clock.now = monday;
    await server.worker.drain();
    expect(mails()).toHaveLength(1);
    const message = mails()[0]!;
    expect(message.headers.to).toBe('Anna Rossi <anna@example.com>');
    expect(message.headers.subject).toBe('Benvenuti, Rossi Meccanica: da oggi lavoriamo insieme');
    expect(message.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(message.text).toContain('Buongiorno Anna,');
    expect(hubspot.callsTo('/crm/v3/objects/contacts/batch/read')[0]!.body).toEqual({ inputs: [{ id: '11' }], properties: ['email', 'firstname', 'lastname', 'hs_language'] });

    expect(hubspot.emails).toHaveLength(1);
    const logged = hubspot.emails[0]!;
    expect(logged.associations).toEqual([
      { to: { id: '42' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 210 }] },
      { to: { id: '11' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 198 }] },
      { to: { id: '7' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 186 }] },
    ]);
    expect(logged.properties).toMatchObject({ hs_email_direction: 'EMAIL', hs_email_status: 'SENT', hs_email_subject: 'Benvenuti, Rossi Meccanica: da oggi lavoriamo insieme' });
    expect(JSON.parse(logged.properties.hs_email_headers!).to).toEqual([{ email: 'anna@example.com', firstName: 'Anna', lastName: 'Rossi' }]);
    // The client's unsubscribe link stays out of the CRM: anyone there could use it.
    const unsubscribeToken = message.headers['list-unsubscribe']!.match(/unsubscribe\/([\w-]+)>/)![1]!;
    expect(logged.properties.hs_email_text).not.toContain(unsubscribeToken);
    expect(logged.properties.hs_email_html).not.toContain(unsubscribeToken);

    clock.now += 3_600_000;
    await server.worker.drain();
    expect(mails()).toHaveLength(1);
    expect(hubspot.callsTo('/crm/v3/objects/emails/batch/create')).toHaveLength(1);
    const [step] = await server.db.query<{ status: string; payload: any }>(`SELECT status, payload FROM steps WHERE kind = 'email' AND deal_id = '42'`);
    expect(step).toMatchObject({ status: 'done', payload: { delivery: { sent: 1, skipped: [], unknown: 0, failed: 0 } } });
    // Sent and logged: the address and the body are no longer in our tables.
    const [row] = await server.db.query<{ raw: string | null; logged: unknown }>('SELECT raw, logged FROM email_messages');
    expect(row).toEqual({ raw: null, logged: null });
  });

  it('the welcome says the client\'s words reached their PM only once the PM has accepted the handoff', async () => {
    const { hubspot, clock, server } = await setUp();
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt), stageEvent('43', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    // Deal 43's PM accepted the handoff before the welcome went out; deal 42's sales rep has not even filled it.
    await server.db.transaction(async (tx) => saveHandoff(tx, '43', { ...(await lockHandoff(tx, '43')), status: 'accepted' }));
    clock.now = monday;
    await server.worker.drain();
    const textOf = (dealId: string) => hubspot.emails.find((e) => e.associations[0]!.to.id === dealId)!.properties.hs_email_text!;
    expect(hubspot.emails).toHaveLength(2);
    expect(textOf('42')).not.toMatch(/è già nelle mani|è stato passato|passed on/);
    expect(textOf('42')).toContain('Se vi chiediamo di nuovo qualcosa che ci avete già detto durante la trattativa, fatecelo notare');
    expect(textOf('43')).toContain('Quanto ci avete raccontato durante la trattativa è già nelle mani del vostro project manager');
  });

  it('an unsubscribed contact is skipped, and the skip is recorded on the step', async () => {
    const { hubspot, clock, server, mails } = await setUp();
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = monday;
    await server.worker.drain();
    const link = mails()[0]!.headers['list-unsubscribe']!.slice(1, -1);
    expect(link.startsWith(`${PUBLIC_URL}/unsubscribe/`)).toBe(true);
    // A mail client's RFC 8058 one-click unsubscribe.
    const res = await fetch(link.replace(PUBLIC_URL, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);

    await deliver(server.url, [stageEvent('43', 'closedwon', monday - 1000)], clock.now);
    await server.worker.drain();
    clock.now = Date.parse('2026-12-09T08:01:00Z'); // the next business day: 8 December is a holiday in Italy
    await server.worker.drain();
    expect(mails()).toHaveLength(1);
    expect(hubspot.emails).toHaveLength(1);
    const [step] = await server.db.query<{ status: string; payload: any }>(`SELECT status, payload FROM steps WHERE kind = 'email' AND deal_id = '43'`);
    expect(step).toMatchObject({ status: 'done', payload: { delivery: { sent: 0, skipped: [{ contactId: '11', reason: 'unsubscribed' }] } } });
  });

  it('a survey email carries a survey link and one link per score, for a token that stands for this request', async () => {
    const { hubspot, clock, server, mails } = await setUp();
    await deliver(server.url, [stageEvent('44', '111', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = Date.parse('2026-12-08T08:01:00Z'); // kickoff survey: one business day after Friday
    await server.worker.drain();
    const links = surveyLinksIn(mails()[0]!.text);
    expect(links.survey).toMatch(new RegExp(`^${PUBLIC_URL}/feedback/[A-Za-z0-9_-]{43}$`));
    expect(links.scores.map((s) => s.url)).toEqual([1, 2, 3, 4, 5].map((n) => `${links.survey}?score=${n}`));
    const token = links.survey!.split('/').at(-1)!;
    const request = await findFeedbackRequest(server.db, token);
    expect(request).toMatchObject({ dealId: '44', companyId: '7', contactId: '9', survey: 'CSAT', touchpoint: 'Kickoff meeting', locale: 'en' });
    expect(request!.expiresAt - request!.createdAt).toBe(60 * 24 * 3600 * 1000);
    expect(hubspot.emails[0]!.properties.hs_email_text).not.toContain(token);
    expect(hubspot.emails[0]!.properties.hs_email_text).toContain('How satisfied are you with “Kickoff meeting”?');
  });

  it('live, with the outbox chosen: the email is written there and never logged in HubSpot as sent', async () => {
    const hubspot = fakeHubSpot(data());
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now, env: { EMAIL_TRANSPORT: 'outbox' } });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = monday;
    await server.worker.drain();
    const files = await outboxFiles(server.dataDir);
    expect(files).toHaveLength(1);
    expect(basename(files[0]!)).toMatch(/^[0-9a-f]{32}\.eml$/);
    expect(hubspot.emails).toHaveLength(0);
    expect(hubspot.callsTo('/crm/v3/objects/emails/batch/create')).toHaveLength(0);
    // The step is settled all the same, and the copy kept for the log (it holds the address) is gone.
    const [step] = await server.db.query<{ status: string }>(`SELECT status FROM steps WHERE kind = 'email' AND deal_id = '42'`);
    expect(step!.status).toBe('done');
    const [row] = await server.db.query<{ log_status: string; logged: unknown }>('SELECT log_status, logged FROM email_messages');
    expect(row).toEqual({ log_status: 'not-logged', logged: null });
  });

  it('in dry-run the email is written to the outbox and its HubSpot log is recorded, not sent', async () => {
    const hubspot = createDryRunAdapter(
      [{ id: '42', name: 'ERP rollout', pipeline: 'default', ownerId: '100', pmOwnerId: '200', closeDate: null, company: { id: '7', name: 'Rossi Meccanica' }, contactIds: ['9'] }],
      undefined,
      [{ id: '9', email: 'sam@example.com', firstName: 'Sam', lastName: null, language: null }],
    );
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now, hubspot });
    onCleanUp(() => server.cleanUp());
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = monday;
    await server.worker.drain();
    expect(await outboxFiles(server.dataDir)).toHaveLength(1);
    const logs = hubspot.writes.flatMap((w) => (w.kind === 'log-email' ? [w.email] : []));
    expect(logs).toEqual([
      expect.objectContaining({ dealId: '42', companyId: '7', contactId: '9', subject: 'Welcome to first100, Rossi Meccanica!', to: { email: 'sam@example.com', firstName: 'Sam' }, sentAt: monday }),
    ]);
  });
});

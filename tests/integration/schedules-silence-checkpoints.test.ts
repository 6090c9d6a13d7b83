import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { runTick } from '../../src/jobs/schedules/scheduled-job.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeEngagementSearch, loggedEmails, type FakeEngagement } from '../support/fake-engagements.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { SCHEDULES_PLAYBOOK_PATH } from '../support/playbook.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { startServer } from '../support/start-server.js';

const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const marker = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);
const wonAt = at('2026-12-04T15:00'); // a Friday afternoon in Rome: day zero
const association = (id: string, typeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] });
const SEARCHES = ['/crm/v3/objects/emails/search', '/crm/v3/objects/calls/search', '/crm/v3/objects/meetings/search'] as const;
const READ_DEAL = [
  '/crm/v3/objects/deals/batch/read',
  '/crm/v4/associations/deals/companies/batch/read',
  '/crm/v4/associations/deals/contacts/batch/read',
  '/crm/v3/objects/companies/batch/read',
];

const onCleanUp = isolateNetwork();

/** A deal that entered activate (pipeline 987654, stage 111) on day zero: no timed advance, a 5-business-day silence limit. */
async function dealInActivate() {
  const acme: FakeDeal = {
    properties: { dealname: 'Acme renewal', pipeline: '987654', dealstage: '111', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
    companyId: '7',
    contactIds: ['9'],
  };
  /** Calls, meetings and emails logged by people; the emails first100 logs are on the timeline too. */
  const timeline: FakeEngagement[] = [];
  const engagements = fakeEngagementSearch(() => [...timeline, ...loggedEmails(hubspot.emails)], (r) => hubspot.requests.push(r));
  const hubspot = fakeHubSpot({
    deals: { '42': acme },
    companies: { '7': 'Acme' },
    contacts: { '9': { email: 'sam@acme.example', firstname: 'Sam', lastname: 'Carter', hs_language: 'en' } },
  });
  const clock = { now: wonAt + 5000 };
  // Sent through a local SMTP server: only an email that reached someone is logged on the deal.
  const sink = await startSmtpSink();
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: SCHEDULES_PLAYBOOK_PATH, SMTP_URL: sink.url, EMAIL_FROM: 'onboarding@first100.example.com' } });
  onCleanUp(async () => {
    await server.cleanUp();
    await sink.stop();
    engagements.stop();
    hubspot.stop();
  });
  expect((await deliver(server.url, [stageEvent('42', '111', wonAt)], clock.now)).status).toBe(200);
  await server.worker.drain();
  // The phase's kickoff survey goes out on Monday, before any sweep: what the sweeps ask of HubSpot is all that follows.
  clock.now = at('2026-12-07T09:30');
  await server.worker.drain();
  hubspot.requests.splice(0);
  /** Runs one tick of a job at a local time, then lets the worker carry out what it recorded. */
  async function tick(job: keyof typeof server.jobs, local: string) {
    clock.now = at(local);
    expect(await runTick(server.engine, server.jobs[job], clock.now)).toBe('ran');
    await server.worker.drain();
  }
  /** Something logged on the deal's timeline at a local time. */
  const log = (object: FakeEngagement['object'], local: string, properties: Record<string, string> = {}) =>
    timeline.push({ object, dealId: '42', properties: { hs_timestamp: new Date(at(local)).toISOString(), ...properties } });
  return { hubspot, server, acme, tick, log };
}

describe('the silent-client sweep', () => {
  it('marks a client silent once the phase\'s business days pass without contact, with one check-in task per silence', async () => {
    const { hubspot, tick, log } = await dealInActivate();

    await tick('silent-client-sweep', '2026-12-14T08:00'); // 5 business days (8 December is a holiday) end at 09:00
    expect(hubspot.requests).toEqual([]); // within the limit by what first100 knows: HubSpot is not asked

    await tick('silent-client-sweep', '2026-12-14T09:00');
    const silentSince = at('2026-12-14T09:00');
    const window = { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: String(wonAt + 1), highValue: String(silentSince) };
    expect(hubspot.requests.slice(0, 3).map((r) => [r.path, r.body])).toEqual([
      [SEARCHES[0], {
        filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: '42' }, window, { propertyName: 'hs_email_direction', operator: 'EQ', value: 'INCOMING_EMAIL' }] }],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
        properties: ['hs_timestamp', 'hs_email_direction'],
        limit: 20,
      }],
      [SEARCHES[1], expect.objectContaining({ filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: '42' }, window] }], properties: ['hs_timestamp', 'hs_call_status'] })],
      [SEARCHES[2], expect.objectContaining({ filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: '42' }, window] }], properties: ['hs_timestamp', 'hs_meeting_outcome'] })],
    ]);
    expect(hubspot.requests.map((r) => r.path)).toEqual([
      ...SEARCHES, // the deal's incoming emails, calls and meetings since day zero: none
      ...READ_DEAL, // owners, company and contacts of the deals that turned silent
      '/crm/v3/objects/tasks/batch/create',
      '/crm/v3/objects/deals/batch/update',
      '/crm/v3/objects/companies/batch/update', // the company follows its deal
    ]);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')[0]!.body).toEqual({
      inputs: [
        {
          properties: {
            hs_timestamp: '2026-12-14T08:00:00.000Z',
            hs_task_subject: 'Acme has gone quiet',
            hs_task_body: `Call them.\n\nfirst100 ref ${marker(`42:silence:${silentSince}:check-in`)}`,
            hs_task_status: 'NOT_STARTED',
            hs_task_priority: 'HIGH',
            hs_task_type: 'CALL',
            hubspot_owner_id: '200',
          },
          associations: [association('42', 216), association('7', 192), association('9', 204)],
        },
      ],
    });
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update')[0]!.body).toEqual({ inputs: [{ id: '42', properties: { first100_health: 'silent', first100_health_reasons: 'no contact from the client since 2026-12-14' } }] });
    expect(hubspot.callsTo('/crm/v3/objects/companies/batch/update')[0]!.body).toEqual({ inputs: [{ id: '7', properties: { first100_health: 'silent', first100_segment: 'at_risk' } }] });

    hubspot.requests.splice(0);
    await tick('silent-client-sweep', '2026-12-15T09:00'); // the same silence: HubSpot is asked whether it ended, nothing new
    expect(hubspot.requests.map((r) => r.path)).toEqual(SEARCHES);

    log('calls', '2026-12-15T10:00', { hs_call_status: 'COMPLETED' }); // the PM called and got through
    hubspot.requests.splice(0);
    await tick('silent-client-sweep', '2026-12-15T12:00');
    // The call ends the silence: the meetings are not asked for.
    expect(hubspot.requests.map((r) => r.path)).toEqual([SEARCHES[0], SEARCHES[1], '/crm/v3/objects/deals/batch/update', '/crm/v3/objects/companies/batch/update']);
    // No longer silent; the check-in task, due yesterday, is open as far as first100 knows (the health sweep asks): behind.
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update')[0]!.body).toEqual({ inputs: [{ id: '42', properties: {
      first100_health: 'behind', first100_health_reasons: '1 of 1 due tasks still open: "Acme has gone quiet" (due 2026-12-14)',
    } }] });
    expect(hubspot.callsTo('/crm/v3/objects/companies/batch/update')[0]!.body).toEqual({ inputs: [{ id: '7', properties: { first100_health: 'on_track', first100_segment: 'occasional' } }] });

    hubspot.requests.splice(0);
    await tick('silent-client-sweep', '2026-12-21T09:00'); // first100 remembers the call: no question to HubSpot before its limit runs out
    expect(hubspot.requests).toEqual([]);

    await tick('silent-client-sweep', '2026-12-23T09:00'); // quiet again for 5 business days: a new silence, a new task
    expect(hubspot.callsTo(SEARCHES[0])[0]!.body.filterGroups[0].filters[1]).toEqual({ ...window, value: String(at('2026-12-15T10:00') + 1), highValue: String(at('2026-12-23T09:00')) });
    expect(hubspot.tasks.map((t) => t.properties.hs_task_body)).toEqual([
      `Call them.\n\nfirst100 ref ${marker(`42:silence:${silentSince}:check-in`)}`,
      `Call them.\n\nfirst100 ref ${marker(`42:silence:${at('2026-12-22T09:00')}:check-in`)}`,
    ]);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update')[0]!.body).toEqual({ inputs: [{ id: '42', properties: { first100_health: 'silent', first100_health_reasons: 'no contact from the client since 2026-12-22; 1 of 1 due tasks still open: "Acme has gone quiet" (due 2026-12-14)' } }] });
  });

  it('is not ended by the emails first100 logs, nor by an email someone sent, a call that did not connect or a meeting not held; the client\'s reply ends it', async () => {
    const { hubspot, server, acme, tick, log } = await dealInActivate();
    // first100's kickoff survey went out on Monday 7 December and is logged on the deal (outgoing, with its marker).
    expect(loggedEmails(hubspot.emails)).toEqual([
      expect.objectContaining({ dealId: '42', properties: expect.objectContaining({ hs_email_direction: 'EMAIL', hs_email_text: expect.stringMatching(/first100 ref [0-9a-f]{16}$/) }) }),
    ]);
    log('emails', '2026-12-09T10:00', { hs_email_direction: 'EMAIL' }); // the PM wrote: no answer
    // HubSpot's "Last contacted" follows the emails logged on the deal, first100's included (HUBSPOT-FACTS §11.5).
    acme.properties.notes_last_contacted = new Date(at('2026-12-09T10:00')).toISOString();
    log('calls', '2026-12-10T10:00', { hs_call_status: 'NO_ANSWER' });
    log('meetings', '2026-12-11T10:00', { hs_meeting_outcome: 'NO_SHOW' });
    log('meetings', '2026-12-16T10:00', { hs_meeting_outcome: 'SCHEDULED' }); // booked, still to come

    await tick('silent-client-sweep', '2026-12-14T09:00');
    const silent = await server.db.query<{ silent_since: string; last_contact_at: string | null }>("SELECT silent_since::text, last_contact_at::text FROM deal_onboarding WHERE deal_id = '42'");
    expect(silent).toEqual([{ silent_since: String(at('2026-12-14T09:00')), last_contact_at: null }]);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update').map((r) => r.body.inputs[0].properties)).toEqual([{ first100_health: 'silent', first100_health_reasons: 'no contact from the client since 2026-12-14' }]);

    log('emails', '2026-12-15T08:30', { hs_email_direction: 'INCOMING_EMAIL' }); // the client answered
    hubspot.requests.splice(0);
    await tick('silent-client-sweep', '2026-12-15T09:00');
    expect(hubspot.requests.map((r) => r.path)).toEqual([SEARCHES[0], '/crm/v3/objects/deals/batch/update', '/crm/v3/objects/companies/batch/update']);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update')[0]!.body.inputs[0].properties).toEqual({
      first100_health: 'behind', first100_health_reasons: '1 of 1 due tasks still open: "Acme has gone quiet" (due 2026-12-14)',
    });
    const resumed = await server.db.query<{ silent_since: string | null; last_contact_at: string }>("SELECT silent_since::text, last_contact_at::text FROM deal_onboarding WHERE deal_id = '42'");
    expect(resumed).toEqual([{ silent_since: null, last_contact_at: String(at('2026-12-15T08:30')) }]);
  });

  it('counts an answer to a first100 survey as contact, and a detractor\'s silence as at risk', async () => {
    const { hubspot, server, tick } = await dealInActivate();
    const answered = (score: number, local: string) =>
      server.db.query(`UPDATE deal_onboarding SET last_feedback = $2::jsonb WHERE deal_id = $1`, ['42', JSON.stringify({ kind: 'NPS', score, at: at(local) })]);

    await answered(9, '2026-12-11T10:00');
    await tick('silent-client-sweep', '2026-12-14T09:00');
    expect(hubspot.requests).toEqual([]); // the answer keeps the deal within its limit: HubSpot is not asked

    await answered(3, '2026-12-11T10:00');
    await tick('silent-client-sweep', '2026-12-18T09:00');
    expect(hubspot.tasks).toHaveLength(1);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update')[0]!.body).toEqual({ inputs: [{ id: '42', properties: {
      first100_health: 'at_risk', first100_health_reasons: 'detractor answer: NPS 3 on 2026-12-11; no contact from the client since 2026-12-18',
    } }] });
  });

  it('runs each tick once: a second claim of the same tick does nothing', async () => {
    const { hubspot, server } = await dealInActivate();
    const tickAt = at('2026-12-14T09:00');
    expect(await runTick(server.engine, server.jobs['silent-client-sweep'], tickAt)).toBe('ran');
    expect(await runTick(server.engine, server.jobs['silent-client-sweep'], tickAt)).toBe('taken by another replica');
    expect(hubspot.requests.filter((r) => (SEARCHES as readonly string[]).includes(r.path))).toHaveLength(3);
  });
});

describe('the checkpoint sweep', () => {
  it('plans the day-30 tasks and emails once, due from day 30 on business days', async () => {
    const { hubspot, server, tick } = await dealInActivate();

    await tick('checkpoint-sweep', '2027-01-01T07:30'); // day 29
    expect(hubspot.requests).toEqual([]);

    await tick('checkpoint-sweep', '2027-01-02T07:30'); // day 30, a Saturday
    expect(hubspot.requests.map((r) => r.path)).toEqual([...READ_DEAL, '/crm/v3/objects/tasks/batch/create']);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')[0]!.body.inputs).toEqual([
      {
        properties: {
          hs_timestamp: '2027-01-04T08:00:00.000Z', // Monday 09:00 in Rome
          hs_task_subject: '30 days with Acme',
          hs_task_body: `first100 ref ${marker('42:checkpoint:30:thirty-day-check')}`,
          hs_task_status: 'NOT_STARTED',
          hs_task_priority: 'MEDIUM',
          hs_task_type: 'TODO',
          hubspot_owner_id: '200',
        },
        associations: [association('42', 216), association('7', 192), association('9', 204)],
      },
    ]);
    const emails = await server.db.query<{ effect_key: string; status: string; payload: Record<string, unknown> }>(
      `SELECT effect_key, status, payload FROM steps WHERE kind = 'email' AND effect_key LIKE '42:checkpoint:%'`,
    );
    expect(emails).toEqual([
      { effect_key: '42:checkpoint:30:thirty-day-update', status: 'pending', payload: { template: 'milestone-update', to: 'primary_contact', contactIds: ['9'] } },
    ]);

    hubspot.requests.splice(0);
    await tick('checkpoint-sweep', '2027-01-03T07:30');
    expect(hubspot.requests).toEqual([]); // already planned: known from the store, HubSpot is not asked
  });
});

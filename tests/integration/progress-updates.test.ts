import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { readOutboxMessage } from '../../src/email/outbox-reader.js';
import { lockHandoff, saveHandoff } from '../../src/store/handoff-store.js';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { insertSteps } from '../../src/store/onboarding-store.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { outboxFiles } from '../support/outbox.js';
import { startServer } from '../support/start-server.js';

const onCleanUp = isolateNetwork();
const wonAt = Date.parse('2026-12-04T14:00:00Z');
const day30 = Date.parse('2027-01-04T08:00:00Z');
const TASKS = '/crm/v3/objects/tasks/batch/create';

async function setUp(channel: string, cadence: string) {
  const hubspot = fakeHubSpot({
    deals: {
      '42': { properties: { dealname: 'ERP rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null }, companyId: '7', contactIds: ['11'] },
    },
    companies: { '7': 'Rossi Meccanica' },
    contacts: { '11': { email: 'anna@example.com', firstname: 'Anna', lastname: 'Rossi', hs_language: 'it-it' } },
  });
  // HubSpot's owners: the update names the PM (200) as the introduction does; the fake's stop() clears this too.
  nock('https://api.hubapi.com').persist().get(/^\/crm\/v3\/owners\/\d+$/).reply((path) => {
    const id = path.split('/').pop()!;
    return id === '200' ? [200, { id, firstName: 'Giulia', lastName: 'Verdi', email: 'giulia.verdi@studio.example', archived: false }] : [404, { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'no owner' }];
  });
  const clock = { now: wonAt + 5000 };
  const server = await startServer({ clock: () => clock.now });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
  await server.worker.drain();
  await server.db.transaction(async (tx) => {
    const h = await lockHandoff(tx, '42');
    Object.assign(h.items.channel.values, { channel, cadence });
    await saveHandoff(tx, '42', h);
  });
  clock.now = day30;
  await server.worker.drain(); // what the playbook planned meanwhile goes out first
  const update = async (key: string, at: number) => {
    clock.now = at;
    await server.db.transaction((tx) => insertSteps(tx, [{
      effectKey: key, entryId: null, dealId: '42', kind: 'email', stepId: 'update', dueAt: at, runAt: at,
      payload: { template: 'milestone-update', to: 'all_contacts', contactIds: ['11'] },
    }]));
    await server.worker.drain();
  };
  const messages = () => server.db.query<{ effect_key: string; status: string; reason: string | null }>(
    `SELECT effect_key, status, reason FROM email_messages WHERE template = 'milestone-update' ORDER BY id`,
  );
  const tasks = () => hubspot.requests.filter((r) => r.path === TASKS).flatMap((r) => r.body.inputs.map((t: any) => t.properties));
  const updateTexts = async () => (await Promise.all((await outboxFiles(server.dataDir)).map(readOutboxMessage))).filter((m) => m.text.includes('Fatto finora')).map((m) => m.text);
  return { update, messages, tasks, updateTexts };
}

describe('progress updates follow what the client chose at the handoff', { timeout: 120_000 }, () => {
  it('the phone: no email, a progress call task for the PM with what to tell them', async () => {
    const { update, messages, tasks } = await setUp('phone', 'weekly');
    await update('42:checkpoint:30:thirty-day-update', day30);
    expect(await messages()).toEqual([{ effect_key: '42:checkpoint:30:thirty-day-update', status: 'skipped', reason: 'the client chose the phone for updates (handoff): a progress call task for the PM instead' }]);
    const [call] = tasks().filter((t) => t.hs_task_subject === 'Progress call to Rossi Meccanica');
    expect(call).toMatchObject({ hubspot_owner_id: '200', hs_task_type: 'CALL' });
    expect(call.hs_task_body).toContain('chose the phone for updates');
    expect(call.hs_task_body).toContain('What we need from you now:');
  });

  it('email, fortnightly: an update two days after the last is skipped, one two weeks later is sent', async () => {
    const { update, messages, tasks, updateTexts } = await setUp('email', 'every_two_weeks');
    await update('42:checkpoint:30:thirty-day-update', day30);
    await update('42:acclimate:1:milestone-update-1', day30 + 2 * 86_400_000);
    await update('42:acclimate:1:milestone-update-2', day30 + 15 * 86_400_000);
    expect((await messages()).map((m) => [m.effect_key, m.status === 'skipped' ? m.reason : 'sent'])).toEqual([
      ['42:checkpoint:30:thirty-day-update', 'sent'],
      ['42:acclimate:1:milestone-update-1', 'the client asked for fortnightly updates (handoff) and the last one was 2 days ago'],
      ['42:acclimate:1:milestone-update-2', 'sent'],
    ]);
    expect(tasks().filter((t) => t.hs_task_subject?.startsWith('Progress call'))).toEqual([]);
    // Each update sent names the PM as HubSpot's owners give them.
    const texts = await updateTexts();
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).toContain('A chi rivolgervi: a Giulia Verdi (giulia.verdi@studio.example), il vostro project manager;');
  });
});

describe('the cadence the client chose', { timeout: 120_000 }, () => {
  it('plans an update every week from the moment the PM accepts the handoff until day 100, and a promise check per promise at the kickoff', async () => {
    const hubspot = fakeHubSpot({
      deals: { '42': { properties: { dealname: 'ERP rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null }, companyId: '7', contactIds: ['11'] } },
      companies: { '7': 'Rossi Meccanica' },
    });
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: 'playbooks/default.en.yml' } });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    const values = {
      goals: { goals: 'One system' }, success_criteria: { success_criteria: 'Month closed in a day' }, stakeholders: { stakeholders: 'Marco decides' },
      promises: { promises: 'Go-live before summer\nTraining included' }, fears: { remorse_type: 'capability', fears_notes: 'A new tool in the busy season' },
      channel: { channel: 'email', cadence: 'weekly' }, risks: { risks: 'Busy season' }, kickoff_date: { kickoff_date: '2026-12-14' },
    };
    const path = '/api/cards/deals/42/handoff';
    expect((await cardCall(server.url, 'POST', path, clock.now, { userId: '1001', body: { action: 'submit', requestId: newRequestId(), values } })).status).toBe(200);
    expect((await cardCall(server.url, 'POST', path, clock.now, { userId: '2002', body: { action: 'accept', requestId: newRequestId(), items: Object.keys(values) } })).status).toBe(200);
    await server.worker.drain();
    const planned = await server.db.query<{ step_id: string; due_at: string }>(`SELECT step_id, due_at FROM steps WHERE deal_id = '42' AND step_id LIKE 'progress-update-%' ORDER BY due_at`);
    const days = planned.map((p) => new Date(Number(p.due_at)).toISOString().slice(0, 10));
    // Five business days apart (Italy's 8 December, Christmas, New Year and Epiphany skipped), the last before day 100 (13 March).
    expect(days.slice(0, 4)).toEqual(['2026-12-14', '2026-12-21', '2026-12-29', '2027-01-07']);
    expect(days.at(-1)! <= '2027-03-13').toBe(true);
    expect(planned.length).toBeGreaterThanOrEqual(12);
    clock.now = Date.parse('2026-12-07T08:01:00Z'); // admit's timed move to affirm, which the accepted handoff carries on to activate
    await server.worker.drain();
    const subjects = hubspot.requests.filter((r) => r.path === TASKS).flatMap((r) => r.body.inputs.map((t: any) => t.properties.hs_task_subject));
    expect(subjects).toEqual(expect.arrayContaining(['Promise to Rossi Meccanica: “Go-live before summer” – kept or at risk?', 'Promise to Rossi Meccanica: “Training included” – kept or at risk?']));
  });
});

import { describe, expect, it } from 'vitest';
import { lockHandoff, saveHandoff } from '../../src/store/handoff-store.js';
import { insertSteps } from '../../src/store/onboarding-store.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
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
  return { update, messages, tasks };
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
    const { update, messages, tasks } = await setUp('email', 'every_two_weeks');
    await update('42:checkpoint:30:thirty-day-update', day30);
    await update('42:acclimate:1:milestone-update-1', day30 + 2 * 86_400_000);
    await update('42:acclimate:1:milestone-update-2', day30 + 15 * 86_400_000);
    expect((await messages()).map((m) => [m.effect_key, m.status === 'skipped' ? m.reason : 'sent'])).toEqual([
      ['42:checkpoint:30:thirty-day-update', 'sent'],
      ['42:acclimate:1:milestone-update-1', 'the client asked for fortnightly updates (handoff) and the last one was 2 days ago'],
      ['42:acclimate:1:milestone-update-2', 'sent'],
    ]);
    expect(tasks().filter((t) => t.hs_task_subject?.startsWith('Progress call'))).toEqual([]);
  });
});

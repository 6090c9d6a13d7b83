import { describe, expect, it } from 'vitest';
import { runTick } from '../../src/jobs/schedules/scheduled-job.js';
import { clientPagePlaybook } from '../support/client-page.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { fakeOwners, PM_OWNER, REP_OWNER, type PublicOwnerJson } from '../support/fake-owners.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

const wonAt = Date.parse('2026-12-07T10:00:00Z'); // Monday 11:00 in Rome; Tuesday 8 is a holiday in Italy
const wednesday = Date.parse('2026-12-09T08:00:00Z');
const onCleanUp = isolateNetwork();
const OTHER: PublicOwnerJson = { id: '202', email: 'sara.conti@example.com', firstName: 'Sara', lastName: 'Conti', userId: 9202 };

async function setUp(owners: PublicOwnerJson[]) {
  const hubspot = fakeHubSpot({
    deals: { '42': { properties: { dealname: 'Acme rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: REP_OWNER.id, first100_pm_owner: PM_OWNER.id, closedate: null }, companyId: '7', contactIds: ['9'] } },
    companies: { '7': 'Acme S.p.A.' },
    contacts: { '9': { email: 'anna@acme.example', firstname: 'Anna', lastname: 'Verdi', hs_language: 'en' } },
  });
  const directory = fakeOwners(owners);
  const clock = { now: wonAt };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: await clientPagePlaybook() } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const stored = () => server.db.query('SELECT owner_id, user_id, email, first_name, last_name, archived, fetched_at FROM hubspot_owners ORDER BY owner_id');
  const refresh = () => runTick(server.engine, server.jobs['owners-refresh'], clock.now);
  return { server, clock, directory, stored, refresh };
}

describe('HubSpot\'s owners in first100\'s store', () => {
  it('are refreshed from the owners list page by page; an owner the list no longer gives is kept, marked archived', async () => {
    const { directory, stored, refresh, clock } = await setUp([PM_OWNER, REP_OWNER, OTHER]);
    expect(await refresh()).toBe('ran');
    // Two owners a page: the second page is asked for with the token the first gave.
    expect(directory.lists).toEqual(['limit=500&archived=false', 'limit=500&archived=false&after=2']);
    expect(await stored()).toEqual([
      { owner_id: '101', user_id: '9101', email: REP_OWNER.email, first_name: 'Marco', last_name: 'Rossi', archived: false, fetched_at: String(wonAt) },
      { owner_id: '201', user_id: '9201', email: PM_OWNER.email, first_name: 'Giulia', last_name: 'Bianchi', archived: false, fetched_at: String(wonAt) },
      { owner_id: '202', user_id: '9202', email: OTHER.email, first_name: 'Sara', last_name: 'Conti', archived: false, fetched_at: String(wonAt) },
    ].map((r) => ({ ...r, fetched_at: expect.anything() })));
    directory.owners = [PM_OWNER, { ...REP_OWNER, lastName: 'Rossi-Verdi' }];
    clock.now = wonAt + 86_400_000;
    expect(await refresh()).toBe('ran');
    const after = await stored();
    expect(after.map((r) => [r.owner_id, r.last_name, r.archived])).toEqual([['101', 'Rossi-Verdi', false], ['201', 'Bianchi', false], ['202', 'Conti', true]]);
  });

  it('archives nothing when the refresh fails midway', async () => {
    const { directory, stored, refresh, clock } = await setUp([PM_OWNER, REP_OWNER, OTHER]);
    await refresh();
    // The next day 202 is gone and 203 is new, but the second page fails: the list was not read to its end.
    clock.now = wonAt + 86_400_000;
    directory.owners = [PM_OWNER, REP_OWNER, { ...OTHER, id: '203', userId: 9203 }];
    directory.failAfter = '2';
    expect(await refresh()).toBe('failed');
    expect((await stored()).filter((r) => r.archived)).toEqual([]);
  });

  it('name the PM in the introduction email without a HubSpot read when stored within the last day', async () => {
    const { server, clock, directory, refresh } = await setUp([PM_OWNER, REP_OWNER]);
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = wednesday;
    expect(await refresh()).toBe('ran');
    await server.worker.drain();
    const intro = await server.db.query<{ status: string }>("SELECT status FROM email_messages WHERE template = 'pm-introduction'");
    expect(intro.map((m) => m.status)).not.toContain('skipped');
    expect(intro.length).toBeGreaterThan(0);
    expect(directory.reads).toEqual([]);
  });

  it('are read from HubSpot at job time when not stored, and stored for the next job and the client\'s page', async () => {
    const { server, clock, directory, stored } = await setUp([PM_OWNER, REP_OWNER]);
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = wednesday;
    await server.worker.drain();
    expect([...directory.reads].sort()).toEqual(['101', '201']);
    expect((await stored()).map((r) => [r.owner_id, r.user_id, r.first_name])).toEqual([['101', '9101', 'Marco'], ['201', '9201', 'Giulia']]);
  });
});

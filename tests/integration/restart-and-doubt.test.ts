import { describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { freshDataDir, startServer } from '../support/start-server.js';
import { rm } from 'node:fs/promises';
import { isolateNetwork } from '../support/isolate-network.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z');
const acme: FakeDeal = {
  properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  contactIds: ['9'],
};

const onCleanUp = isolateNetwork();

describe('work survives a restart', () => {
  it('a stage change stored before the app stopped is carried out once by the next app on the same data directory', async () => {
    const hubspot = fakeHubSpot({ deals: { '42': acme }, companies: { '7': 'Acme' } });
    const dataDir = await freshDataDir();
    onCleanUp(async () => {
      hubspot.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    const now = wonAt + 5000;

    const first = await startServer({ dataDir, clock: () => now });
    expect((await deliver(first.url, [stageEvent('42', 'closedwon', wonAt)], now)).status).toBe(200);
    await first.stop(); // before its worker ran
    expect(hubspot.requests).toHaveLength(0);

    const second = await startServer({ dataDir, clock: () => now });
    await second.worker.drain();
    await second.stop();
    const third = await startServer({ dataDir, clock: () => now + 60_000 });
    await third.worker.drain();
    await third.stop();

    expect(hubspot.tasks).toHaveLength(2);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')).toHaveLength(1);
  });

  it('tasks whose creation kept failing are created once, after a restart, when HubSpot recovers', async () => {
    const hubspot = fakeHubSpot({ deals: { '42': acme }, companies: { '7': 'Acme' } });
    const dataDir = await freshDataDir();
    onCleanUp(async () => {
      hubspot.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    const clock = { now: wonAt + 5000 };
    for (let i = 0; i < 3; i++) hubspot.failNext('/crm/v3/objects/tasks/batch/create', 503, { message: 'unavailable' });

    const first = await startServer({ dataDir, clock: () => clock.now });
    await deliver(first.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    for (let attempt = 0; attempt < 3; attempt++) {
      await first.worker.drain();
      clock.now += 60_000;
    }
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')).toHaveLength(3);
    expect(hubspot.tasks).toHaveLength(0);
    const [pending] = await first.db.query<{ status: string; last_error: string }>(`SELECT status, last_error FROM steps WHERE kind = 'task' LIMIT 1`);
    // A create answered 503 may have been applied: it waits in doubt, and HubSpot is asked before it is created again.
    expect(pending).toMatchObject({ status: 'sending', last_error: expect.stringContaining('503') });
    await first.stop();

    clock.now += 60_000;
    const second = await startServer({ dataDir, clock: () => clock.now });
    await second.worker.drain();
    await second.stop();
    expect(hubspot.tasks).toHaveLength(2);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/search')).toHaveLength(3); // before each create that followed a 503
  });
});

describe('an answer HubSpot never gave', () => {
  it('when tasks were created but the answer was lost, the retry finds them in HubSpot and creates nothing twice', async () => {
    const hubspot = fakeHubSpot({ deals: { '42': acme }, companies: { '7': 'Acme' } });
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now, hubspotTimeoutMs: 300 });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    hubspot.answerTooLate('/crm/v3/objects/tasks/batch/create');

    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    expect(hubspot.tasks).toHaveLength(2); // created in HubSpot, but we never heard back
    const inDoubt = await server.db.query<{ status: string }>(`SELECT status FROM steps WHERE kind = 'task'`);
    expect(inDoubt.map((s) => s.status)).toEqual(['sending', 'sending']);

    clock.now += 10 * 60_000;
    await server.worker.drain();

    expect(hubspot.callsTo('/crm/v3/objects/tasks/search')).toHaveLength(1);
    expect(hubspot.callsTo('/crm/v3/objects/tasks/batch/create')).toHaveLength(1);
    expect(hubspot.tasks).toHaveLength(2);
    const settled = await server.db.query<{ status: string; hubspot_id: string }>(`SELECT status, hubspot_id FROM steps WHERE kind = 'task' ORDER BY id`);
    expect(settled).toEqual(hubspot.tasks.map((t) => ({ status: 'done', hubspot_id: t.id })));
  });
});

import { describe, expect, it } from 'vitest';
import { readOutboxMessage } from '../../src/email/outbox-reader.js';
import { lockHandoff, saveHandoff } from '../../src/store/handoff-store.js';
import { insertSteps } from '../../src/store/onboarding-store.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { outboxFiles } from '../support/outbox.js';
import { startServer } from '../support/start-server.js';

const onCleanUp = isolateNetwork();
const wonAt = Date.parse('2026-12-04T14:00:00Z');
const day90 = Date.parse('2027-03-04T08:00:00Z');

describe('the day-90 "before and after" email', { timeout: 120_000 }, () => {
  it('is skipped, and says why, when the handoff recorded no starting point; sent in the client\'s words when it did', async () => {
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
    clock.now = day90;
    await server.worker.drain(); // what the small playbook planned meanwhile (the welcome) goes out first
    const beforeAndAfter = (key: string) => ({
      effectKey: key, entryId: null, dealId: '42', kind: 'email' as const, stepId: 'before-and-after', dueAt: day90, runAt: day90,
      payload: { template: 'before-and-after', to: 'all_contacts' as const, contactIds: ['11'] },
    });
    const before = (await outboxFiles(server.dataDir)).length;
    await server.db.transaction((tx) => insertSteps(tx, [beforeAndAfter('42:checkpoint:90:before-and-after')]));
    await server.worker.drain();
    const [skipped] = await server.db.query<{ status: string; reason: string }>(`SELECT status, reason FROM email_messages WHERE template = 'before-and-after'`);
    expect(skipped).toEqual({ status: 'skipped', reason: 'no starting point recorded at the handoff' });
    expect(await outboxFiles(server.dataDir)).toHaveLength(before);

    await server.db.transaction(async (tx) => {
      const h = await lockHandoff(tx, '42');
      h.items.starting_point.values.starting_point = 'Ordini digitati due volte; tre giorni per chiudere il mese';
      await saveHandoff(tx, '42', h);
    });
    await server.db.transaction((tx) => insertSteps(tx, [beforeAndAfter('42:checkpoint:90:before-and-after-again')]));
    await server.worker.drain();
    const files = await outboxFiles(server.dataDir);
    expect(files).toHaveLength(before + 1);
    const texts = await Promise.all(files.map(async (f) => (await readOutboxMessage(f)).text));
    expect(texts.find((t) => t.includes('punto di partenza'))).toContain('«Ordini digitati due volte; tre giorni per chiudere il mese»');
  });
});

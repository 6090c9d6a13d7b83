import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { findTraces } from '../support/scan-store.js';
import { PORTAL, startServer } from '../support/start-server.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z');
const maria = { id: '8675309001', email: 'maria.rossi@acme.example', name: 'Maria Rossi' };
const luca = '8675309002';
const deal = (contactIds: string[]): FakeDeal => ({
  properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  contactIds,
});

/** HubSpot's `contact.privacyDeletion` event (a `hubEvents` subscription): objectId is the deleted contact. */
const privacyDeletion = (contactId: string, occurredAt: number) => ({
  eventId: 9100001,
  subscriptionId: 2500002,
  portalId: Number(PORTAL),
  appId: 31000001,
  occurredAt,
  subscriptionType: 'contact.privacyDeletion',
  attemptNumber: 0,
  objectId: Number(contactId),
  changeSource: 'GDPR_DELETE',
});

const onCleanUp = isolateNetwork();

describe('a contact deleted in HubSpot for privacy', () => {
  it('leaves no trace of the contact in the store, pending steps or outbox; other contacts stay', async () => {
    const hubspot = fakeHubSpot({ deals: { '42': deal([maria.id, luca]), '43': deal([maria.id]) }, companies: { '7': 'Acme' } });
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const clock = { now: wonAt + 5000 };
    // The welcome emails are "planned" (waiting for the email sender), so they still carry their recipients.
    const server = await startServer({ clock: () => clock.now, log });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt), stageEvent('43', 'closedwon', wonAt + 1)], clock.now);
    await server.worker.drain();
    const needles = [maria.id, maria.email, maria.name];
    const scan = () => findTraces(server.db, needles, { skipTables: ['privacy_deletions'], folders: [join(server.dataDir, 'outbox')] });
    expect((await scan()).map((t) => t.where)).toContain('steps'); // the contact is there before

    const answer = await deliver(server.url, [privacyDeletion(maria.id, clock.now)], clock.now);
    expect(await answer.json()).toMatchObject({ received: 1, stored: 1, ignored: 0 });
    const again = await deliver(server.url, [privacyDeletion(maria.id, clock.now)], clock.now); // at least once
    expect(await again.json()).toMatchObject({ stored: 0 });
    await server.worker.drain();

    expect(await scan()).toEqual([]);
    const emails = await server.db.query<{ deal_id: string; status: string; contacts: string[] }>(
      `SELECT deal_id, status, payload -> 'contactIds' AS contacts FROM steps WHERE kind = 'email' ORDER BY deal_id`,
    );
    expect(emails).toEqual([
      { deal_id: '42', status: 'planned', contacts: [luca] },
      { deal_id: '43', status: 'cancelled', contacts: [] },
    ]);
    const [request] = await server.db.query<{ contact_id: string; status: string }>('SELECT contact_id, status FROM privacy_deletions');
    expect(request).toEqual({ contact_id: maria.id, status: 'done' });

    const purged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'contact purged after a HubSpot privacy deletion');
    expect(purged).toMatchObject({ contactId: maria.id, counts: { task_steps: 4, email_steps: 2 }, files: 0 });
    expect(lines.join('\n')).not.toMatch(new RegExp(`${maria.email}|${maria.name}`));
  }, 120_000);

  it('a delivery mixing a privacy deletion and a stage change is stored whole; the new work leaves the contact out', async () => {
    // This double still lists the deleted contact on the deal, as a read made just before the deletion would.
    const hubspot = fakeHubSpot({ deals: { '42': deal([maria.id, luca]) }, companies: { '7': 'Acme' } });
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    const answer = await deliver(server.url, [privacyDeletion(maria.id, clock.now), stageEvent('42', 'closedwon', wonAt)], clock.now);
    expect(await answer.json()).toMatchObject({ received: 2, stored: 2 });
    await server.worker.drain();

    expect(hubspot.tasks).toHaveLength(2);
    for (const task of hubspot.tasks) expect(task.associations.map((a: { to: { id: string } }) => a.to.id)).toEqual(['42', '7', luca]);
    expect(await findTraces(server.db, [maria.id], { skipTables: ['privacy_deletions'] })).toEqual([]);
  }, 120_000);
});

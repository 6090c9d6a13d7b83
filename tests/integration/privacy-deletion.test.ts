import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { findTraces } from '../support/scan-store.js';
import { PORTAL, startServer } from '../support/start-server.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome: welcome emails fall due Monday 09:00
const monday = Date.parse('2026-12-07T08:01:00Z');
const maria = { id: '8675309001', email: 'maria.rossi@acme.example', name: 'Maria Rossi' };
const luca = '8675309002';
const lucaEmail = 'luca@acme.example';
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
    const hubspot = fakeHubSpot({
      deals: { '42': deal([maria.id, luca]), '43': deal([maria.id]), '44': deal([maria.id, luca]) },
      companies: { '7': 'Acme' },
      contacts: {
        [maria.id]: { email: maria.email, firstname: 'Maria', lastname: 'Rossi', hs_language: 'it' },
        [luca]: { email: lucaEmail, firstname: 'Luca', lastname: 'Bianchi', hs_language: 'it' },
      },
    });
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const clock = { now: wonAt + 5000 };
    const server = await startServer({ clock: () => clock.now, log });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    // Deals 42 and 43 are won on Friday: their welcome goes to Maria (the primary contact: the lowest id) on Monday.
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt), stageEvent('43', 'closedwon', wonAt + 1)], clock.now);
    await server.worker.drain();
    clock.now = monday;
    await server.worker.drain();
    // Deal 44 is won on Monday after 09:00: its welcome waits for Wednesday (8 December is a holiday), Maria and Luca still its possible recipients.
    await deliver(server.url, [stageEvent('44', 'closedwon', monday - 1000)], clock.now);
    await server.worker.drain();
    const needles = [maria.id, maria.email, maria.name];
    const outbox = join(server.dataDir, 'outbox');
    const scan = () => findTraces(server.db, needles, { skipTables: ['privacy_deletions'], folders: [outbox] });
    const before = await scan();
    expect(before.map((t) => t.where)).toContain('steps'); // the contact is there before: in steps, messages and two outbox files
    expect(before.map((t) => t.where)).toContain('email_messages');
    expect(before.filter((t) => t.where.startsWith(outbox) && t.needle === maria.email)).toHaveLength(2);

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
      { deal_id: '42', status: 'done', contacts: [luca] },
      { deal_id: '43', status: 'done', contacts: [] },
      { deal_id: '44', status: 'pending', contacts: [luca] },
    ]);
    const [request] = await server.db.query<{ contact_id: string; status: string }>('SELECT contact_id, status FROM privacy_deletions');
    expect(request).toEqual({ contact_id: maria.id, status: 'done' });

    const purged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'contact purged after a HubSpot privacy deletion');
    expect(purged).toMatchObject({ contactId: maria.id, counts: { email_messages: 2 }, files: 2 });
    expect(lines.join('\n')).not.toMatch(new RegExp(`${maria.email}|${maria.name}`));

    // Deal 44's welcome still goes out on Wednesday, to Luca alone, and carries nothing of Maria: the same scan
    // finds Luca's address in the new outbox file, so it did read that file.
    clock.now = Date.parse('2026-12-09T08:01:00Z');
    await server.worker.drain();
    expect(hubspot.emails).toEqual([]); // written to the outbox only: never logged in HubSpot as sent
    const afterSend = await findTraces(server.db, [...needles, lucaEmail], { skipTables: ['privacy_deletions'], folders: [outbox] });
    expect(afterSend.filter((t) => t.needle !== lucaEmail)).toEqual([]);
    expect(afterSend.filter((t) => t.where.startsWith(outbox))).toEqual([{ where: expect.stringMatching(/\.eml$/), needle: lucaEmail }]);

    // And a trace of Maria left anywhere would be found: one planted in the outbox, one in a table.
    const planted = join(outbox, 'planted.eml');
    await writeFile(planted, `To: ${maria.name} <someone@acme.example>\r\n\r\nhello`);
    await server.db.query(`UPDATE steps SET last_error = $1 WHERE deal_id = '44' AND kind = 'email'`, [`bounced: ${maria.email}`]);
    expect(await scan()).toEqual([
      { where: 'steps', needle: maria.email },
      { where: planted, needle: maria.name },
    ]);
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

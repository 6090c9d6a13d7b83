import { describe, expect, it } from 'vitest';
import { clientLink, clientPageHubSpot, clientPagePlaybook, formTokenOf, postForm } from '../support/client-page.js';
import { deliver } from '../support/deliveries.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { findTraces } from '../support/scan-store.js';
import { PORTAL, startServer } from '../support/start-server.js';

const at = Date.parse('2026-12-07T10:00:00Z');
const onCleanUp = isolateNetwork();
const COMMENT = 'Our IT manager Paola Verdi is on leave until the 20th';

const privacyDeletion = (contactId: string, occurredAt: number) => ({
  eventId: 9100002,
  subscriptionId: 2500002,
  portalId: Number(PORTAL),
  appId: 31000001,
  occurredAt,
  subscriptionType: 'contact.privacyDeletion',
  attemptNumber: 0,
  objectId: Number(contactId),
  changeSource: 'GDPR_DELETE',
});

describe('a client page contact deleted for privacy', () => {
  it('loses their links, visits and task comments; the deal keeps whether the task was done', async () => {
    const hubspot = clientPageHubSpot();
    const server = await startServer({ clock: () => at, env: { PLAYBOOK: await clientPagePlaybook() } });
    onCleanUp(async () => {
      await server.cleanUp();
      hubspot.stop();
    });
    const token = await clientLink(server, at, '42', 'activate', '9');
    const csrf = formTokenOf(await (await fetch(`${server.url}/c/${token}`)).text());
    expect((await postForm(`${server.url}/c/${token}/tasks/confirm-success-criteria`, { status: 'stuck', csrf, comment: COMMENT })).status).toBe(303);
    expect((await postForm(`${server.url}/c/${token}/tasks/day-to-day-contact`, { status: 'done', csrf })).status).toBe(303);
    // The stuck task still waits for its owner when the deletion arrives: its stored copy quotes the comment.
    const ofContact = async () => ({
      links: (await server.db.query("SELECT 1 FROM client_links WHERE contact_id = '9'")).length,
      visits: (await server.db.query("SELECT 1 FROM client_visits WHERE contact_id = '9'")).length,
      answers: (await server.db.query("SELECT 1 FROM client_task_answers WHERE contact_id = '9'")).length,
      comment: (await findTraces(server.db, [COMMENT], { skipTables: ['privacy_deletions'] })).map((t) => t.where).sort(),
    });
    expect(await ofContact()).toEqual({ links: 1, visits: 1, answers: 2, comment: ['client_task_answers', 'steps'] });

    await deliver(server.url, [privacyDeletion('9', at)], at);
    await server.worker.drain();
    expect(await ofContact()).toEqual({ links: 0, visits: 0, answers: 0, comment: [] });
    expect(await server.db.query('SELECT task_id, status FROM client_task_answers ORDER BY task_id')).toEqual([
      { task_id: 'confirm-success-criteria', status: 'stuck' },
      { task_id: 'day-to-day-contact', status: 'done' },
    ]);
    expect((await fetch(`${server.url}/c/${token}`)).status).toBe(404);
  });
});

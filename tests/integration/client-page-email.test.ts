import { describe, expect, it } from 'vitest';
import { clientPageLinkIn, parseMessage } from '../../src/email/outbox-reader.js';
import { clientPageServerWithMail, PM } from '../support/client-page.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { PUBLIC_URL } from '../support/start-server.js';

const wonAt = Date.parse('2026-12-07T10:00:00Z'); // Monday 11:00 in Rome; Tuesday 8 is a holiday in Italy
const wednesday = Date.parse('2026-12-09T08:00:00Z');
const onCleanUp = isolateNetwork();

describe('the client page link in emails', { timeout: 120_000 }, () => {
  it('comes fresh in each email, opens the contact\'s page of that deal, and never reaches HubSpot\'s logged copy', async () => {
    const { hubspot, clock, sink, server } = await clientPageServerWithMail(wonAt, onCleanUp);
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = wednesday;
    await server.worker.drain();
    // The welcome and the PM's introduction: each carries a link of its own.
    expect(sink.messages).toHaveLength(2);
    const links = sink.messages.map((m) => clientPageLinkIn(parseMessage(m.raw).text));
    for (const link of links) expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/c/[A-Za-z0-9_-]{43}$`));
    expect(new Set(links).size).toBe(2);
    const token = links[0]!.slice(links[0]!.lastIndexOf('/') + 1);
    const stored = await server.db.query<{ deal_id: string; contact_id: string; locale: string }>('SELECT deal_id, contact_id, locale FROM client_links');
    expect(stored).toEqual([{ deal_id: '42', contact_id: '9', locale: 'en' }, { deal_id: '42', contact_id: '9', locale: 'en' }]);

    const page = await fetch(`${server.url}/c/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Acme S.p.A.: your first 100 days');
    expect(html).toContain(`<h3>${PM.name}</h3>`);
    const logged = JSON.stringify(hubspot.emails.map((e) => e.properties));
    expect(logged).toContain('/c/link-for-the-client-only');
    for (const link of links) expect(logged).not.toContain(link!.slice(link!.lastIndexOf('/') + 1));
  });
});

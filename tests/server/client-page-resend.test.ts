import { describe, expect, it } from 'vitest';
import { clientPageLinkIn, readOutboxMessage } from '../../src/email/outbox-reader.js';
import { revokeDealLinks } from '../../src/store/client-links.js';
import { clientLink, clientPageHubSpot, clientPagePlaybook, postForm } from '../support/client-page.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { outboxFiles } from '../support/outbox.js';
import { startServer } from '../support/start-server.js';

const at = Date.parse('2026-12-07T10:00:00Z'); // Monday; the welcome waits for Wednesday (8 December is a holiday)
const onCleanUp = isolateNetwork();

async function setUp() {
  const hubspot = clientPageHubSpot();
  const server = await startServer({ clock: () => at, env: { PLAYBOOK: await clientPagePlaybook() } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  return { hubspot, server };
}

const bodyOf = async (res: Response) => ({ status: res.status, html: await res.text() });

describe('asking for a new client page link', () => {
  it('answers alike for a known address, an unknown one and an unknown link, and emails a fresh link only to the contact', async () => {
    const { server } = await setUp();
    const token = await clientLink(server, at, '42', 'activate', '9');
    await revokeDealLinks(server.db, '42', at);
    const known = await bodyOf(await postForm(`${server.url}/c/${token}/resend`, { email: ' Anna@Acme.example ', lang: 'en' }));
    const stranger = await bodyOf(await postForm(`${server.url}/c/${token}/resend`, { email: 'someone@elsewhere.example', lang: 'en' }));
    const unknownLink = await bodyOf(await postForm(`${server.url}/c/${'Q'.repeat(43)}/resend`, { email: 'anna@acme.example', lang: 'en' }));
    const notAnAddress = await bodyOf(await postForm(`${server.url}/c/${token}/resend`, { email: 'anna', lang: 'en' }));
    expect(known.status).toBe(200);
    expect(known.html).toContain('If this address is one we write to for this project, a new link is on its way.');
    for (const other of [stranger, unknownLink, notAnAddress]) expect(other).toEqual(known);

    await server.worker.drain();
    const files = await outboxFiles(server.dataDir);
    expect(files).toHaveLength(1);
    const message = await readOutboxMessage(files[0]!);
    expect(message.headers.to).toBe('Anna Verdi <anna@acme.example>');
    expect(message.headers.subject).toBe('Your new link to the Acme S.p.A. project page');
    const fresh = clientPageLinkIn(message.text)!;
    expect(fresh).not.toContain(token);
    expect((await fetch(`${server.url}/c/${fresh.slice(fresh.lastIndexOf('/') + 1)}`)).status).toBe(200);
    // Sent again within the hour: still one email.
    await postForm(`${server.url}/c/${token}/resend`, { email: 'anna@acme.example', lang: 'en' });
    await server.worker.drain();
    expect(await outboxFiles(server.dataDir)).toHaveLength(1);
  });

  it('limits the requests for a new link from one address, in the database', async () => {
    const { server } = await setUp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await postForm(`${server.url}/c/${'Q'.repeat(43)}/resend`, { email: `x${i}@example.com` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await server.db.query("SELECT hits FROM rate_limit_hits WHERE bucket LIKE 'client-resend-ip:%'")).toEqual([{ hits: 6 }]);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUnsubscribeToken, unsubscribedAmong } from '../../src/store/unsubscribes.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

const onCleanUp = isolateNetwork();

async function setUp() {
  const server = await startServer({ clock: () => Date.parse('2026-12-07T10:00:00Z') });
  onCleanUp(() => server.cleanUp());
  return server;
}

describe('unsubscribe links', { timeout: 120_000 }, () => {
  it('GET shows a confirm page and changes nothing; POST from the page unsubscribes; the link then says so', async () => {
    const server = await setUp();
    const token = await createUnsubscribeToken(server.db, '11', 'it', 0);

    const page = await fetch(`${server.url}/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    // Strict: the policy's hash is the page's one <style> block, and no element carries a style attribute.
    const style = html.match(/<style>([\s\S]*?)<\/style>/g)!;
    expect(style).toHaveLength(1);
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style[0]!.slice(7, -8)).digest('base64')}'`);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('<form method="post">');
    expect(html).not.toContain('<script');
    expect(await unsubscribedAmong(server.db, ['11'])).toEqual(new Set());

    const confirmed = await fetch(`${server.url}/unsubscribe/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'confirm=yes' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Fatto: non riceverete più queste email.');
    expect(await unsubscribedAmong(server.db, ['11'])).toEqual(new Set(['11']));
    const [row] = await server.db.query<{ via: string; unsubscribed_at: string | number }>('SELECT via, unsubscribed_at FROM email_unsubscribes');
    expect({ ...row, unsubscribed_at: Number(row!.unsubscribed_at) }).toEqual({ via: 'page', unsubscribed_at: Date.parse('2026-12-07T10:00:00Z') });

    expect(await (await fetch(`${server.url}/unsubscribe/${token}`)).text()).toContain('Avete già annullato l’iscrizione');
  });

  it('a mail client\'s one-click POST (RFC 8058) unsubscribes', async () => {
    const server = await setUp();
    const token = await createUnsubscribeToken(server.db, '12', 'en', 0);
    const res = await fetch(`${server.url}/unsubscribe/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Done: you will receive no more of these emails.');
    const [row] = await server.db.query<{ contact_id: string; via: string }>('SELECT contact_id, via FROM email_unsubscribes');
    expect(row).toEqual({ contact_id: '12', via: 'one-click' });
  });

  it('an unknown or malformed token is a 404 page that says what to do, in the browser\'s language, and records nothing', async () => {
    const server = await setUp();
    for (const token of ['A'.repeat(43), 'bad token']) {
      const res = await fetch(`${server.url}/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await res.text()).toContain('This unsubscribe link is not valid. Copy the whole link from the email, or reply to the email and ask to be removed.');
    }
    const opened = await fetch(`${server.url}/unsubscribe/${'B'.repeat(43)}`, { headers: { 'accept-language': 'it-IT,it;q=0.9' } });
    expect(opened.status).toBe(404);
    const html = await opened.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('Questo link per annullare l’iscrizione non è valido.');
    expect(html).not.toContain('<form');
    expect(await server.db.query('SELECT * FROM email_unsubscribes')).toEqual([]);
  });
});

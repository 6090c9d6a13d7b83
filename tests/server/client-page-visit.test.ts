import { describe, expect, it } from 'vitest';
import { CLIENT_PAGE_LIMITS } from '../../src/server/client-routes.js';
import { clientLink, clientPageHubSpot, clientPagePlaybook, formTokenOf, postForm } from '../support/client-page.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

const at = Date.parse('2026-12-07T10:00:00Z'); // Monday 11:00 in Rome
const HOUR_MS = 3600_000;
const onCleanUp = isolateNetwork();

async function setUp() {
  const hubspot = clientPageHubSpot();
  const clock = { now: at };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: await clientPagePlaybook() } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const token = await clientLink(server, at, '42', 'activate', '9');
  const page = await (await fetch(`${server.url}/c/${token}`)).text();
  const visits = async () => ({
    rows: await server.db.query('SELECT deal_id, contact_id, last_seen_at::float8 AS last_seen_at FROM client_visits'),
    contact: (await server.db.query<{ last_contact_at: number | null }>("SELECT last_contact_at::float8 AS last_contact_at FROM deal_onboarding WHERE deal_id = '42'"))[0]?.last_contact_at ?? null,
  });
  // What HubSpot heard: the deal's last-seen property, as the batch update carried it.
  const seenWrites = () =>
    hubspot.callsTo('/crm/v3/objects/deals/batch/update').flatMap((c) => c.body.inputs).filter((i: any) => i.properties.first100_client_last_seen);
  return { hubspot, server, clock, token, page, csrf: formTokenOf(page), visits, seenWrites };
}

describe('a visit to the client page', () => {
  it('serves its one script from our own origin, cacheable for a year, and the page allows only that script', async () => {
    const { server, page, visits } = await setUp();
    const src = page.match(/<script src="\.\.(\/assets\/client-visit-[0-9a-f]{12}\.js)"/)?.[1];
    expect(src).toBeDefined();
    const script = await fetch(`${server.url}${src}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await script.text();
    expect(text).toContain("document.visibilityState !== 'visible'");
    expect(text).toContain('navigator.sendBeacon(url, body)');
    expect(text).not.toMatch(/https?:\/\//);
    expect((await fetch(`${server.url}/assets/client-visit-000000000000.js`)).status).toBe(404);
    expect(await visits()).toEqual({ rows: [], contact: null });
  });

  it('records nothing on GET, however often the page (or the visit address) is opened', async () => {
    const { server, token, visits, seenWrites } = await setUp();
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/c/${token}`)).status).toBe(200);
    expect((await fetch(`${server.url}/c/${token}/visit`)).status).toBe(404);
    await server.worker.drain();
    expect(await visits()).toEqual({ rows: [], contact: null });
    expect(seenWrites()).toEqual([]);
  });

  it('records a beacon with the page token as a visit and contact; HubSpot hears of it once per deal an hour', async () => {
    const { server, clock, token, csrf, visits, seenWrites } = await setUp();
    for (let i = 0; i < 3; i++) {
      const res = await postForm(`${server.url}/c/${token}/visit`, { csrf });
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
      clock.now += 10 * 60_000;
    }
    await server.worker.drain();
    expect(seenWrites()).toEqual([{ id: '42', properties: { first100_client_last_seen: new Date(at).toISOString() } }]);
    expect(await visits()).toEqual({ rows: [{ deal_id: '42', contact_id: '9', last_seen_at: at + 20 * 60_000 }], contact: at + 20 * 60_000 });

    clock.now = at + HOUR_MS;
    expect((await postForm(`${server.url}/c/${token}/visit`, { csrf })).status).toBe(204);
    await server.worker.drain();
    expect(seenWrites().map((w: any) => w.properties.first100_client_last_seen)).toEqual([new Date(at).toISOString(), new Date(at + HOUR_MS).toISOString()]);
  });

  it('refuses a beacon without the page token, or with another link\'s, and records nothing', async () => {
    const { server, token, csrf, visits, seenWrites } = await setUp();
    const other = await clientLink(server, at, '43', 'admit', '10');
    expect((await postForm(`${server.url}/c/${token}/visit`, {})).status).toBe(403);
    expect((await postForm(`${server.url}/c/${token}/visit`, { csrf: csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).status).toBe(403);
    expect((await postForm(`${server.url}/c/${other}/visit`, { csrf })).status).toBe(403);
    expect((await postForm(`${server.url}/c/${'x'.repeat(43)}/visit`, { csrf })).status).toBe(404);
    await server.worker.drain();
    expect(await visits()).toEqual({ rows: [], contact: null });
    expect(seenWrites()).toEqual([]);
  });

  it('counts beacons in the shared per-link limit, like every other request of the page', async () => {
    const { server, token, csrf } = await setUp();
    // The page's own GET in setUp took one of the link's requests.
    for (let i = 1; i < CLIENT_PAGE_LIMITS.perToken.limit; i++) expect((await postForm(`${server.url}/c/${token}/visit`, { csrf })).status).toBe(204);
    const refused = await postForm(`${server.url}/c/${token}/visit`, { csrf });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { clientLink, clientPageHubSpot, clientPagePlaybook } from '../support/client-page.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { PUBLIC_URL, startServer } from '../support/start-server.js';
import { onboardDeal } from '../support/survey.js';

const at = Date.parse('2026-12-07T10:00:00Z');
const onCleanUp = isolateNetwork();

async function setUp() {
  const hubspot = clientPageHubSpot();
  const server = await startServer({ clock: () => at, env: { PLAYBOOK: await clientPagePlaybook() } });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const card = async (body?: Record<string, unknown>) => {
    const res = await cardCall(server.url, body ? 'POST' : 'GET', `/api/cards/client-pages/42?locale=en`, at, { userId: '2002', ...(body ? { body: { requestId: newRequestId(), ...body } } : {}) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const pageOf = (url: string) => fetch(`${server.url}${url.slice(PUBLIC_URL.length)}`);
  return { hubspot, server, card, pageOf };
}

describe('the client page on the deal card', () => {
  it('gives the PM a fresh link for the deal\'s primary contact, and revokes every link of the deal', async () => {
    const { server, card, pageOf } = await setUp();
    await onboardDeal(server, at, '42', 'activate');
    const copied = await card({ action: 'copy' });
    expect(copied.status).toBe(200);
    expect(copied.body.link.url).toMatch(new RegExp(`^${PUBLIC_URL}/c/[A-Za-z0-9_-]{43}$`));
    expect(copied.body.activeLinks).toBe(1);
    expect(await server.db.query('SELECT contact_id FROM client_links')).toEqual([{ contact_id: '9' }]);
    expect((await pageOf(copied.body.link.url)).status).toBe(200);

    const revoked = await card({ action: 'revoke' });
    expect(revoked.body).toMatchObject({ activeLinks: 0 });
    expect(revoked.body.link).toBeUndefined();
    expect((await pageOf(copied.body.link.url)).status).toBe(410);
    const again = await card({ action: 'copy' });
    expect((await pageOf(again.body.link.url)).status).toBe(200);
  });

  it('shows the client only the agreed items the PM shares, never the fears or the risks', async () => {
    const { server, card } = await setUp();
    const token = await clientLink(server, at, '42', 'activate', '9');
    const values = {
      goals: { goals: 'Cut order entry time by half' },
      promises: { promises: 'Training for 12 people included' },
      fears: { remorse_type: 'being_cheated', fears_notes: 'Burned by the last supplier' },
      risks: { risks: 'Budget review in March' },
    };
    const saved = await cardCall(server.url, 'POST', '/api/cards/deals/42/handoff?locale=en', at, { userId: '1001', body: { requestId: newRequestId(), action: 'save', values } });
    expect(saved.status).toBe(200);
    const before = await (await fetch(`${server.url}/c/${token}`)).text();
    expect(before).not.toContain('What we agreed');

    const shared = await card({ action: 'share', items: ['goals', 'promises'] });
    expect(shared.body.items).toEqual([
      { key: 'goals', label: 'Your goals', shared: true },
      { key: 'success_criteria', label: 'How we will know it worked', shared: false },
      { key: 'promises', label: 'What we promised', shared: true },
    ]);
    const page = await (await fetch(`${server.url}/c/${token}`)).text();
    expect(page).toContain('<dt>Your goals</dt><dd>Cut order entry time by half</dd>');
    expect(page).toContain('<dd>Training for 12 people included</dd>');
    expect(page).not.toMatch(/Burned|being_cheated|Budget review/);
    expect((await card({ action: 'share', items: ['fears'] })).status).toBe(400);
  });

  it('is behind the card signature', async () => {
    const { server } = await setUp();
    const res = await cardCall(server.url, 'POST', '/api/cards/client-pages/42', at, { body: { requestId: newRequestId(), action: 'revoke' }, signature: null });
    expect(res.status).toBe(401);
  });
});

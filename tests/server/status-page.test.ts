import { describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import { runCommand } from '../support/cli.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { serverWithHubSpot } from '../support/server-with-hubspot.js';
import { SECRET } from '../support/start-server.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z');
const onCleanUp = isolateNetwork();

async function setUp() {
  return serverWithHubSpot(
    onCleanUp,
    {
      deals: { '42': { properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null }, companyId: '7', contactIds: ['9'] } },
      companies: { '7': 'Acme' },
      contacts: { '9': { email: 'mario.rossi@acme.example', firstname: 'Mario', lastname: 'Rossi', hs_language: 'it' } },
    },
    wonAt + 5000,
  );
}

describe('GET /: the status page', () => {
  it('says version, mode, database, email transport, last webhook, deals in onboarding, steps waiting and failed; no secrets, no personal data', async () => {
    const { server, clock } = await setUp();
    const empty = await fetch(`${server.url}/`);
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-type')).toMatch(/^text\/html/);
    expect(empty.headers.get('content-security-policy')).toContain("default-src 'none'");
    const emptyPage = await empty.text();
    for (const text of ['<h1>first100 0.1.0</h1>', 'live: writes to HubSpot', 'embedded (PGlite), reachable', 'outbox only', '<th scope="row">last webhook received</th><td>never</td>', '<th scope="row">deals in onboarding</th><td>0</td>']) {
      expect(emptyPage).toContain(text);
    }

    expect((await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now)).status).toBe(200);
    await server.worker.drain();
    await server.db.query(`UPDATE steps SET status = 'failed', last_error = 'HubSpot refused it' WHERE id = (SELECT min(id) FROM steps WHERE status = 'pending')`);
    await server.db.query(`UPDATE steps SET last_error = 'HubSpot answered 503' WHERE id = (SELECT min(id) FROM steps WHERE status = 'pending')`);

    const json = await fetch(`${server.url}/`, { headers: { accept: 'application/json' } });
    const report = await json.json();
    expect(report).toEqual({
      version: '0.1.0',
      mode: 'live',
      database: { kind: 'embedded', reachable: true },
      email: expect.stringMatching(/^outbox only \(.*outbox\): emails are written there as files and nobody receives them$/),
      work: {
        dealsInOnboarding: 1,
        stepsWaiting: expect.any(Number),
        stepsRetrying: 1,
        stepsFailed: 1,
        stageChangesFailed: 0,
        eventsSetAside: 0,
        lastWebhookAt: expect.any(Number),
      },
      at: clock.now,
    });
    expect(report.work.stepsWaiting).toBeGreaterThan(0);
    expect(Math.abs(report.work.lastWebhookAt - Date.now())).toBeLessThan(60_000); // stored just now, by the database's clock
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).toContain('1 after a failure: HubSpot down or limiting; retried every few minutes until it answers');
    expect(page).toContain('fix the cause, then run first100 retry');
    for (const secret of [SECRET, 'pat-test-token', 'mario.rossi@acme.example', 'Rossi', 'Acme renewal', 'HubSpot refused it']) expect(page).not.toContain(secret);
  });

  it('first100 status prints the same, or the JSON with --json', async () => {
    const { server } = await setUp();
    const text = await runCommand(['status', '--url', server.url]);
    expect(text.code).toBe(0);
    expect(text.out).toEqual([
      'first100 0.1.0',
      'mode: live: writes to HubSpot',
      'database: embedded (PGlite), reachable',
      expect.stringMatching(/^email: outbox only/),
      'last webhook received: never',
      'deals in onboarding: 0',
      'steps waiting: 0',
      'failed: 0 steps, 0 stage changes',
      'malformed webhook events set aside: 0',
    ]);
    const json = await runCommand(['status', '--url', server.url, '--json']);
    expect(JSON.parse(json.out.join('\n'))).toMatchObject({ mode: 'live', work: { dealsInOnboarding: 0 } });
  });

  it('answers 503 and says so when the database is down', async () => {
    const { server } = await setUp();
    await server.db.close();
    const res = await fetch(`${server.url}/`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ database: { kind: 'embedded', reachable: false } });
    const status = await runCommand(['status', '--url', server.url]);
    expect(status.code).toBe(1);
    expect(status.out).toContain('database: embedded (PGlite), NOT reachable');
  });
});

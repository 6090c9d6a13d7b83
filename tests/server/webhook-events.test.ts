import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { countSetAsideEvents } from '../../src/store/delivery-store.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { WON_DEAL } from '../support/shared-server.js';
import { serverWithHubSpot } from '../support/server-with-hubspot.js';

// Each event of a delivery is read on its own: a malformed one is set aside, the others are stored, HubSpot gets 200.
const now = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const HOUR = 3600_000;
const onCleanUp = isolateNetwork();

async function setUp(dealIds: string[] = []) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const { hubspot, server } = await serverWithHubSpot(onCleanUp, { deals: Object.fromEntries(dealIds.map((id) => [id, WON_DEAL])) }, now, { log });
  const stored = async () => (await server.db.query<{ deal_id: string; stage_id: string }>('SELECT deal_id, stage_id FROM stage_changes ORDER BY id')).map((r) => `${r.deal_id}:${r.stage_id}`);
  const onboarded = async () => (await server.db.query<{ deal_id: string }>("SELECT deal_id FROM deal_onboarding WHERE phase IS NOT NULL ORDER BY deal_id")).map((r) => r.deal_id);
  return { hubspot, server, lines, stored, onboarded };
}

describe('a delivery is validated event by event', () => {
  it('a 100-event delivery with one malformed event is answered 200: its 99 valid events are stored and applied, the bad one set aside and counted', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(81_000 + i));
    const { server, stored, onboarded, hubspot } = await setUp(ids);
    const events = ids.map((id, i) => stageEvent(id, 'closedwon', now - 60_000 + i));
    events[37] = { ...events[37]!, objectId: -1 };

    const res = await deliver(server.url, events, now);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 100, stored: 99, ignored: 0, setAside: 1 });
    expect(await stored()).toHaveLength(99);
    expect(await countSetAsideEvents(server.db)).toBe(1);
    const [aside] = await server.db.query<Record<string, unknown>>('SELECT event_id, portal_id, subscription_type, reason FROM set_aside_events');
    expect(aside).toEqual({ event_id: String(events[37]!.eventId), portal_id: '4242', subscription_type: 'deal.propertyChange', reason: expect.stringContaining('objectId') });

    await server.worker.drain();
    expect(await onboarded()).toEqual(ids.filter((_, i) => i !== 37));
    expect(hubspot.tasks).toHaveLength(99 * 2);
  });

  it('values PostgreSQL cannot hold (a NUL, a lone surrogate) are set aside per event, never answered 5xx', async () => {
    const { server, stored } = await setUp();
    const events = [stageEvent('82001', 'closed\u0000won', now), stageEvent('82002', '\ud800closedwon', now), stageEvent('82003', 'closedwon', now)];
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await deliver(server.url, events, now);
      expect(res.status).toBe(200);
      expect((await res.json()).setAside).toBe(2);
    }
    expect(await stored()).toEqual(['82003:closedwon']);
    expect(await countSetAsideEvents(server.db)).toBe(4);
  });

  it('a stage id with a byte-order mark is set aside, so it can never match a mapped stage', async () => {
    const { server, stored, onboarded } = await setUp(['82101', '82102']);
    const res = await deliver(server.url, [stageEvent('82101', '\uFEFFclosedwon', now), stageEvent('82102', 'closedwon\u200B', now)], now);
    expect(await res.json()).toMatchObject({ stored: 0, setAside: 2 });
    await server.worker.drain();
    expect(await stored()).toEqual([]);
    expect(await onboarded()).toEqual([]);
  });

  it('checks strictly only what first100 reads: new fields, and odd values in events it does not act on, break nothing', async () => {
    const { server, stored } = await setUp();
    const events = [
      stageEvent('82201', 'closedwon', now, { isSensitive: false, newHubSpotField: { nested: ['\u0000'] }, sourceId: 'userId:\ud800' }),
      { eventId: 'not-a-number', subscriptionType: 'contact.creation', portalId: 4242, occurredAt: 'yesterday', objectId: 'abc' },
      { ...stageEvent('82202', 'x', now), subscriptionType: 'company.propertyChange', objectId: -5 },
      stageEvent('82203', 'y', now, { propertyName: 'amount', propertyValue: 12.5, occurredAt: 8.64e15 }),
      stageEvent('82204', 'closedwon', now, { subscriptionType: 'object.propertyChange', objectTypeId: '0-3', brandNewField: 1 }),
    ];
    const res = await deliver(server.url, events, now);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 5, stored: 2, ignored: 3, setAside: 0 });
    expect(await stored()).toEqual(['82201:closedwon', '82204:closedwon']);
  });

  it('an event dated outside a week back or an hour ahead is set aside: 8.64e15 never reaches the calendar', async () => {
    const { server, stored, onboarded } = await setUp(['82301', '82302', '82303', '82304', '82305']);
    const events = [
      stageEvent('82301', 'closedwon', 8.64e15),
      stageEvent('82302', 'closedwon', now + 2 * HOUR),
      stageEvent('82303', 'closedwon', now - 8 * 24 * HOUR),
      stageEvent('82304', 'closedwon', -1),
      stageEvent('82305', 'closedwon', now - 6 * 24 * HOUR),
    ];
    const res = await deliver(server.url, events, now);
    expect(await res.json()).toEqual({ received: 5, stored: 1, ignored: 0, setAside: 4 });
    await server.worker.drain();
    expect(await stored()).toEqual(['82305:closedwon']);
    expect(await onboarded()).toEqual(['82305']);
  });

  it('logs a set-aside event by its id and the rule it broke, never its values', async () => {
    const { server, lines } = await setUp();
    const personal = 'maria.rossi@example.com';
    const res = await deliver(server.url, [stageEvent('82401', `${personal}\u0000`, now), { ...stageEvent('82402', personal, now), objectId: 'x' }], now);
    expect(res.status).toBe(200);
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.msg.startsWith('malformed webhook events set aside'));
    expect(warning).toMatchObject({ level: 40, setAside: 2, events: [{ subscriptionType: 'deal.propertyChange', reason: expect.stringContaining('propertyValue') }, { reason: expect.stringContaining('objectId') }] });
    expect(lines.join('\n')).not.toContain('maria.rossi');
    expect((await server.db.query<{ reason: string }>('SELECT reason FROM set_aside_events')).map((r) => r.reason).join(' ')).not.toContain('maria.rossi');
  });

  it('a real storage failure is still 503, so that HubSpot delivers again', async () => {
    const { server, stored } = await setUp();
    await server.db.query('ALTER TABLE stage_changes RENAME TO stage_changes_away');
    const refused = await deliver(server.url, [stageEvent('82501', 'closedwon', now)], now);
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('STORAGE_UNAVAILABLE');
    await server.db.query('ALTER TABLE stage_changes_away RENAME TO stage_changes');
    expect((await deliver(server.url, [stageEvent('82501', 'closedwon', now)], now)).status).toBe(200);
    expect(await stored()).toEqual(['82501:closedwon']);
  });
});

import { describe, expect, it } from 'vitest';
import { countSetAsideEvents } from '../../src/store/delivery-store.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { sharedServer } from '../support/shared-server.js';
import { seededRandom, type SeededRandom } from '../support/seeded-random.js';
import { PORTAL } from '../support/start-server.js';

// Thousands of random signed events from a fixed seed: valid stage changes and privacy deletions, repeats, events
// first100 ignores, and malformed ones of every kind. No answer is a 5xx, none hangs, and every valid event is
// stored once and applied once.
const SEED = 20_261_204;
const EVENTS = 3000;
const now = Date.parse('2026-12-04T14:00:00Z');
const DAY = 24 * 3600_000;
const dealIds = Array.from({ length: 60 }, (_, i) => String(95_000 + i));
const STAGES = ['closedwon', 'closedlost', 'contractsent', 'qualifiedtobuy', 'appointmentscheduled', '111'];
isolateNetwork();

const rig = sharedServer(dealIds, now);

type Event = Record<string, unknown>;
type Expected = { kind: 'change' | 'deletion'; key: string } | { kind: 'ignored' } | { kind: 'aside' };

/** Fields HubSpot may add one day: never a reason to refuse an event. */
function withNoise(r: SeededRandom, event: Event): Event {
  if (!r.chance(0.3)) return event;
  return { ...event, [`future${r.int(1, 5)}`]: r.pick([null, 42, 'text \u0000 with a NUL', '\ud800', { nested: [1, '\uFEFF'] }, true]) };
}

function validChange(r: SeededRandom): [Event, Expected] {
  const dealId = r.pick(dealIds);
  const stage = r.pick(STAGES);
  const occurredAt = now - r.int(0, 6 * DAY);
  const base = stageEvent(dealId, stage, occurredAt);
  const shaped = r.chance(0.3) ? { ...base, subscriptionType: 'object.propertyChange', objectTypeId: '0-3' } : base;
  const ids = r.chance(0.2) ? { ...shaped, objectId: dealId, portalId: PORTAL } : shaped;
  return [withNoise(r, ids), { kind: 'change', key: `${PORTAL}:${dealId}:dealstage:${stage}:${occurredAt}` }];
}

function validDeletion(r: SeededRandom): [Event, Expected] {
  const contactId = String(r.int(700, 760));
  const event = { ...stageEvent('1', 'x', now - r.int(0, DAY)), subscriptionType: 'contact.privacyDeletion', objectId: Number(contactId), propertyName: undefined, propertyValue: undefined };
  return [withNoise(r, event), { kind: 'deletion', key: `${PORTAL}:${contactId}` }];
}

function ignored(r: SeededRandom): [Event, Expected] {
  const base = stageEvent(r.pick(dealIds), 'closedwon', now);
  const event = r.pick<Event>([
    { ...base, portalId: 999 },
    { ...base, subscriptionType: 'contact.creation', objectId: 'not-an-id', occurredAt: 'whenever' },
    { ...base, propertyName: 'amount', propertyValue: 1200.5 },
    { ...base, subscriptionType: 'company.propertyChange', objectId: -3 },
    { ...base, subscriptionType: 'object.propertyChange', objectTypeId: '0-1' },
    { ...base, propertyValue: '' },
  ]);
  return [withNoise(r, event), { kind: 'ignored' }];
}

const MALFORMED: ((e: Event) => unknown)[] = [
  (e) => ({ ...e, objectId: -1 }),
  (e) => ({ ...e, objectId: 0 }),
  (e) => ({ ...e, objectId: 1.5 }),
  (e) => ({ ...e, objectId: 'abc' }),
  (e) => ({ ...e, occurredAt: 8.64e15 }),
  (e) => ({ ...e, occurredAt: now + 2 * 3600_000 }),
  (e) => ({ ...e, occurredAt: now - 8 * DAY }),
  (e) => ({ ...e, occurredAt: String(now) }),
  (e) => ({ ...e, occurredAt: null }),
  (e) => ({ ...e, propertyValue: 'closed\u0000won' }),
  (e) => ({ ...e, propertyValue: 'closedwon\ud800' }),
  (e) => ({ ...e, propertyValue: '\uFEFFclosedwon' }),
  (e) => ({ ...e, propertyValue: ' closedwon' }),
  (e) => ({ ...e, propertyValue: 123 }),
  (e) => ({ ...e, propertyValue: { stage: 'closedwon' } }),
  (e) => ({ ...e, propertyName: 7 }),
  (e) => ({ ...e, eventId: undefined }),
  (e) => ({ ...e, eventId: -4 }),
  (e) => ({ ...e, portalId: 'ours' }),
  (e) => ({ ...e, subscriptionType: 42 }),
  (e) => ({ ...e, subscriptionType: undefined }),
  () => null,
  () => 17,
  () => 'deal.propertyChange',
  () => [],
];

function malformed(r: SeededRandom): [unknown, Expected] {
  return [r.pick(MALFORMED)(stageEvent(r.pick(dealIds), r.pick(STAGES), now - r.int(0, DAY))), { kind: 'aside' }];
}

describe(`fuzzed signed deliveries (seed ${SEED})`, () => {
  it(`${EVENTS} events: no 5xx, no hang, every valid event stored once and applied once`, async () => {
    const started = performance.now();
    const r = seededRandom(SEED);
    const storedValid: [Event, Expected][] = [];
    const expected = { changes: new Set<string>(), deletions: new Set<string>(), aside: 0 };
    const statuses: number[] = [];
    for (let sent = 0; sent < EVENTS; ) {
      const size = Math.min(r.int(1, 100), EVENTS - sent);
      const events: unknown[] = [];
      const outcomes: Expected[] = [];
      for (let i = 0; i < size; i++) {
        const roll = r.next();
        const [event, outcome] =
          roll < 0.1 && storedValid.length > 0 ? r.pick(storedValid) // HubSpot delivers at least once: a repeat changes nothing
            : roll < 0.5 ? validChange(r)
              : roll < 0.55 ? validDeletion(r)
                : roll < 0.7 ? ignored(r)
                  : malformed(r);
        events.push(event);
        outcomes.push(outcome);
      }
      sent += size;
      const broken = r.chance(0.03);
      const body = broken ? JSON.stringify(events).slice(0, -1) : JSON.stringify(events);
      const res = await Promise.race([
        deliver(rig.server.url, body, now),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`delivery of ${size} events hung`)), 15_000)),
      ]);
      statuses.push(res.status);
      if (broken) {
        expect(res.status).toBe(400); // not an array of events at all: refused whole, nothing stored
        continue;
      }
      expect(res.status).toBe(200);
      const answer = await res.json();
      expect(answer.received).toBe(size);
      expect(answer.setAside).toBe(outcomes.filter((o) => o.kind === 'aside').length);
      outcomes.forEach((o, i) => {
        if (o.kind === 'change' || o.kind === 'deletion') storedValid.push([events[i] as Event, o]);
        if (o.kind === 'change') expected.changes.add(o.key);
        if (o.kind === 'deletion') expected.deletions.add(o.key);
        if (o.kind === 'aside') expected.aside += 1;
      });
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);

    const storedChanges = await rig.server.db.query<{ dedupe_key: string }>('SELECT dedupe_key FROM stage_changes');
    expect(storedChanges).toHaveLength(expected.changes.size);
    expect(new Set(storedChanges.map((c) => c.dedupe_key))).toEqual(expected.changes);
    const storedDeletions = await rig.server.db.query<{ dedupe_key: string }>('SELECT dedupe_key FROM privacy_deletions');
    expect(new Set(storedDeletions.map((d) => d.dedupe_key))).toEqual(expected.deletions);
    expect(await countSetAsideEvents(rig.server.db)).toBe(expected.aside);

    await rig.server.worker.drain();
    const applied = await rig.server.db.query<{ status: string; attempts: number; n: number }>('SELECT status, attempts, count(*)::int AS n FROM stage_changes GROUP BY 1, 2');
    expect(applied).toEqual([{ status: 'done', attempts: 1, n: expected.changes.size }]);
    const markers = rig.hubspot.tasks.map((t) => t.properties.hs_task_body?.match(/first100 ref (\w+)/)?.[1]);
    expect(markers.length).toBeGreaterThan(0);
    expect(new Set(markers).size).toBe(markers.length);
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { deliver, webhookFixture } from '../support/deliveries.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';

const onCleanUp = isolateNetwork();

async function setUp() {
  const now = Date.parse('2026-12-04T14:05:00Z');
  const server = await startServer({ clock: () => now });
  onCleanUp(() => server.cleanUp());
  const send = async (name: string) => (await deliver(server.url, webhookFixture(name), now)).json();
  const stored = () =>
    server.db.query<{ event_id: string; portal_id: string; deal_id: string; stage_id: string; occurred_at: string }>(
      'SELECT event_id, portal_id, deal_id, stage_id, occurred_at::text FROM stage_changes ORDER BY id',
    );
  return { send, stored };
}

describe('HubSpot\'s webhook deliveries, as the raw bytes of tests/fixtures/webhooks/', () => {
  it('a classic deal.propertyChange to a won stage is stored as that deal\'s stage change; HubSpot\'s retry of it adds nothing', async () => {
    const { send, stored } = await setUp();
    expect(await send('deal-propertychange.closedwon.json')).toEqual({ received: 1, stored: 1, ignored: 0, setAside: 0 });
    expect(await stored()).toEqual([{ event_id: '1962813047', portal_id: '4242', deal_id: '1011', stage_id: 'closedwon', occurred_at: '1796392800000' }]);
    expect(await send('deal-propertychange.closedwon.retry.json')).toEqual({ received: 1, stored: 0, ignored: 0, setAside: 0 });
    expect(await stored()).toHaveLength(1);
  });

  it('the generic object.propertyChange on a deal (objectTypeId 0-3) is stored the same way', async () => {
    const { send, stored } = await setUp();
    expect(await send('object-propertychange.deal-closedwon.json')).toEqual({ received: 1, stored: 1, ignored: 0, setAside: 0 });
    expect(await stored()).toEqual([{ event_id: '3417795201', portal_id: '4242', deal_id: '1014', stage_id: 'closedwon', occurred_at: '1796392860000' }]);
  });

  it('a generic property change on a contact is acknowledged and ignored', async () => {
    const { send, stored } = await setUp();
    expect(await send('object-propertychange.contact-firstname.json')).toEqual({ received: 1, stored: 0, ignored: 1, setAside: 0 });
    expect(await stored()).toEqual([]);
  });

  it('a task marked completed (generic, objectTypeId 0-27) is read as a completion: stored only for a task first100 created', async () => {
    const { send, stored } = await setUp();
    // Task 5012 is nobody's first100 task here: acknowledged, neither stored nor set aside (tests/integration/health-between-sweeps.test.ts has one that is).
    expect(await send('object-propertychange.task-completed.json')).toEqual({ received: 1, stored: 0, ignored: 0, setAside: 0 });
    expect(await stored()).toEqual([]);
  });

  it('a mixed delivery keeps only our account\'s deal stage changes', async () => {
    const { send, stored } = await setUp();
    expect(await send('deal-propertychange.mixed-batch.json')).toEqual({ received: 4, stored: 2, ignored: 2, setAside: 0 });
    expect((await stored()).map((c) => [c.deal_id, c.stage_id])).toEqual([
      ['1012', 'contractsent'],
      ['1013', '111'],
    ]);
  });
});

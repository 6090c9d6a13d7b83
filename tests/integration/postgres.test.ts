import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { freshPostgresDatabase, POSTGRES_SKIP, POSTGRES_URL } from '../support/postgres.js';
import { startServer } from '../support/start-server.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z');

describe.skipIf(!POSTGRES_URL)(`the same engine on PostgreSQL through DATABASE_URL${POSTGRES_SKIP}`, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    database = await freshPostgresDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('migrates, stores a delivery once, and creates the tasks once', async () => {
    const hubspot = fakeHubSpot({
      deals: { '42': { properties: { dealname: 'Acme', pipeline: 'default', hubspot_owner_id: '100', first100_pm_owner: '200' }, companyId: '7', contactIds: ['9'] } },
      companies: { '7': 'Acme' },
    });
    const server = await startServer({ env: { DATABASE_URL: database.url }, clock: () => wonAt + 5000 });
    try {
      expect(server.db.kind).toBe('postgres');
      const delivery = [stageEvent('42', 'closedwon', wonAt)];
      expect(await (await deliver(server.url, delivery, wonAt + 5000)).json()).toMatchObject({ stored: 1 });
      expect(await (await deliver(server.url, delivery, wonAt + 5000)).json()).toMatchObject({ stored: 0 });
      await server.worker.drain();
      expect(hubspot.tasks).toHaveLength(2);
      const steps = await server.db.query<{ kind: string; status: string }>(`SELECT kind, status FROM steps ORDER BY id`);
      expect(steps.filter((s) => s.kind === 'task').map((s) => s.status)).toEqual(['done', 'done']);
    } finally {
      await server.cleanUp();
      hubspot.stop();
    }
  });
});

import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { recordStageChanges } from '../../src/store/stage-change-store.js';
import { killHard, spawnServer, until } from '../support/fault-rig.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';
import { freshDataDir, PORTAL, PUBLIC_URL, SECRET } from '../support/start-server.js';

// A stage change dated 8.64e15 once sent the business-day calculation into an endless loop: 100 % CPU, /healthz
// silent, and again after every restart. The webhook now sets such an event aside; one stored before that (by an
// older version) must not wedge the process that finds it.
let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  if (server) await killHard(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  server = undefined;
  dataDir = undefined;
});

async function healthzWithin(ms: number): Promise<boolean> {
  return fetch(`${server!.url}/healthz`, { signal: AbortSignal.timeout(ms) }).then((r) => r.ok, () => false);
}

describe('a stored stage change the calendar cannot date', () => {
  it('is refused with its reason while the server keeps answering and the other changes are applied', async () => {
    dataDir = await freshDataDir();
    const db = await openDb({ dataDir });
    const change = (dealId: string, occurredAt: number) => ({ eventId: dealId, portalId: PORTAL, dealId, stageId: 'closedwon', occurredAt });
    await recordStageChanges(db, [change('83001', 8.64e15), change('83002', Date.now() - 60_000)], Date.now());
    await db.close();

    // Dry-run (no access token): every deal exists, nothing reaches HubSpot; the worker runs as deployed.
    server = await spawnServer({ DATA_DIR: dataDir, PLAYBOOK: SMALL_PLAYBOOK_PATH, HUBSPOT_CLIENT_SECRET: SECRET, HUBSPOT_PORTAL_ID: PORTAL, PUBLIC_BASE_URL: PUBLIC_URL });
    const applied = () => server!.logs.filter((l) => l.includes('stage change applied')).map((l) => JSON.parse(l) as { dealId: string; outcome: string });
    await until(() => applied().length === 2, 30_000, 'both stage changes to be handled');

    expect(applied().find((a) => a.dealId === '83001')!.outcome).toMatch(/^refused: cannot count business days from 8640000000000000/);
    expect(applied().find((a) => a.dealId === '83002')!.outcome).toMatch(/^entered admit/);
    for (let i = 0; i < 5; i++) expect(await healthzWithin(2000)).toBe(true);
  });
});

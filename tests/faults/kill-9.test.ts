import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotDouble } from '../support/hubspot-double.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { freshDataDir } from '../support/start-server.js';
import { expectEachTaskOnce, killHard, serverEnv, spawnServer, until, type HubSpotDouble } from '../support/fault-rig.js';

// Real server processes on one embedded database directory, killed with SIGKILL at the worst moments.
const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

async function rig() {
  const double = createHubSpotDouble();
  const api = await double.start();
  const dataDir = await freshDataDir();
  const servers: Awaited<ReturnType<typeof spawnServer>>[] = [];
  cleanUps.push(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await double.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const start = async () => {
    const server = await spawnServer(serverEnv(api, { DATA_DIR: dataDir }));
    servers.push(server);
    return server;
  };
  return { double, start };
}

const deals = ['61001', '61002', '61003'];
const wonDelivery = (at: number) => deals.map((id, i) => stageEvent(id, 'closedwon', at + i));
const settled = (double: HubSpotDouble) => double.tasks.length >= deals.length * 2 && double.dealUpdates.size >= deals.length;

describe('kill -9, then a restart on the same data directory', () => {
  it('after a delivery was stored and before its job ran, the work is done once by the next process', async () => {
    const { double, start } = await rig();
    double.inject('/crm/v3/objects/deals/batch/read', { kind: 'hang' });
    const first = await start();

    const answer = await deliver(first.url, wonDelivery(Date.now() - 60_000), Date.now());
    expect(answer.status).toBe(200);
    await until(() => double.hung.length === 1, 20_000, 'the job to start reading the deals');
    await killHard(first);
    expect(double.tasks).toHaveLength(0);

    const second = await start();
    await until(() => settled(double), 60_000, 'the tasks after the restart');
    await new Promise((r) => setTimeout(r, 1500)); // would a duplicate still arrive?
    expectEachTaskOnce(double, deals);
    expect(second.logs.some((l) => l.includes('took over the work a stopped process had claimed'))).toBe(true);
  }, 240_000);

  it('after HubSpot created the tasks and before the local commit, the next process finds them by marker and creates none twice', async () => {
    const { double, start } = await rig();
    double.inject('/crm/v3/objects/tasks/batch/create', { kind: 'apply-then-hang' });
    const first = await start();

    expect((await deliver(first.url, wonDelivery(Date.now() - 60_000), Date.now())).status).toBe(200);
    await until(() => double.hung.length === 1, 20_000, 'the batch create to reach HubSpot');
    await killHard(first);
    expect(double.tasks).toHaveLength(deals.length * 2); // in HubSpot, but the process never heard back

    await start();
    await until(() => double.calls.filter((c) => c.path === '/crm/v3/objects/tasks/search').length >= deals.length && double.dealUpdates.size >= deals.length, 60_000, 'the in-doubt tasks to be looked up');
    await new Promise((r) => setTimeout(r, 1500));
    expectEachTaskOnce(double, deals);
    expect(double.calls.filter((c) => c.path === '/crm/v3/objects/tasks/batch/create')).toHaveLength(1);
  }, 240_000);
});

import { afterAll, beforeAll } from 'vitest';
import type { FakeDeal } from './fake-hubspot.js';
import { serverWithHubSpot } from './server-with-hubspot.js';
import type { TestServerOptions } from './start-server.js';

/** A deal won in the default pipeline, with an owner and no PM, as most edge tests need one. */
export const WON_DEAL: FakeDeal = {
  properties: { dealname: 'Acme', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: null, closedate: null },
};

export type SharedServer = Awaited<ReturnType<typeof serverWithHubSpot>>;

/**
 * serverWithHubSpot once for a whole test file (started before its tests, stopped after them), HubSpot knowing
 * these won deals. Read `server`, `hubspot` and `clock` inside the tests, once they have started.
 */
export function sharedServer(dealIds: string[], clockStart: number, options: TestServerOptions = {}): SharedServer {
  const rig = {} as SharedServer;
  const cleanUps: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    Object.assign(rig, await serverWithHubSpot((c) => cleanUps.push(c), { deals: Object.fromEntries(dealIds.map((id) => [id, WON_DEAL])) }, clockStart, options));
  });
  afterAll(async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
  });
  return rig;
}

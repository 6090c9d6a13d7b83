import { afterAll, beforeAll } from 'vitest';
import { fakeHubSpot, type FakeDeal } from './fake-hubspot.js';
import { startServer, type TestServerOptions } from './start-server.js';

/** A deal won in the default pipeline, with an owner and no PM, as most edge tests need one. */
export const WON_DEAL: FakeDeal = {
  properties: { dealname: 'Acme', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: null, closedate: null },
};

export interface SharedServer {
  server: Awaited<ReturnType<typeof startServer>>;
  hubspot: ReturnType<typeof fakeHubSpot>;
}

/**
 * One real server for a whole test file (started before its tests, stopped after them), with HubSpot at the network
 * boundary knowing these deals. Read `server` and `hubspot` inside the tests, once they have started.
 */
export function sharedServer(dealIds: string[], options: TestServerOptions): SharedServer {
  const rig = {} as SharedServer;
  beforeAll(async () => {
    rig.hubspot = fakeHubSpot({ deals: Object.fromEntries(dealIds.map((id) => [id, WON_DEAL])) });
    rig.server = await startServer(options);
  });
  afterAll(async () => {
    await rig.server?.cleanUp();
    rig.hubspot?.stop();
  });
  return rig;
}

import { fakeHubSpot, type FakeData } from './fake-hubspot.js';
import { startServer, type TestServerOptions } from './start-server.js';

/**
 * The real server on a test clock, with HubSpot faked at the network edge from `data`; both are stopped by the
 * clean-up hook of `isolateNetwork()`.
 */
export async function serverWithHubSpot(onCleanUp: (cleanUp: () => Promise<void>) => void, data: FakeData, clockStart: number, options: TestServerOptions = {}) {
  const hubspot = fakeHubSpot(data);
  const clock = { now: clockStart };
  const server = await startServer({ clock: () => clock.now, ...options });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  return { hubspot, server, clock };
}

import nock from 'nock';
import { afterEach, beforeAll } from 'vitest';

/**
 * For a test file that runs servers: HubSpot only through nock (real connections refused but to the local
 * server), and every registered clean-up run after each test, last registered first.
 */
export function isolateNetwork(): (cleanUp: () => Promise<void>) => void {
  let cleanUps: (() => Promise<void>)[] = [];
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
    cleanUps = [];
  });
  return (cleanUp) => cleanUps.push(cleanUp);
}

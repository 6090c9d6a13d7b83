import { expect } from 'vitest';
import type { createHubSpotDouble } from './hubspot-double.js';
import { spawnServer, type SpawnedServer } from './spawn-server.js';
import { SMALL_PLAYBOOK_PATH } from './playbook.js';
import { PORTAL, PUBLIC_URL, SECRET } from './start-server.js';

export type HubSpotDouble = ReturnType<typeof createHubSpotDouble>;

/** The environment of a real server process that talks to the HubSpot double at `api`. */
export function serverEnv(api: string, extra: Record<string, string>): Record<string, string> {
  return {
    HUBSPOT_ACCESS_TOKEN: 'pat-double',
    HUBSPOT_CLIENT_SECRET: SECRET,
    HUBSPOT_PORTAL_ID: PORTAL,
    PUBLIC_BASE_URL: PUBLIC_URL,
    HUBSPOT_API_BASE_URL: api,
    HUBSPOT_CALLS_PER_10S: '150',
    PLAYBOOK: SMALL_PLAYBOOK_PATH,
    ...extra,
  };
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** kill -9: no clean-up, no last write; resolves once the process is gone. */
export async function killHard(server: SpawnedServer): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

export { spawnServer };

/** The small playbook's admit phase makes two tasks per won deal: each exists in HubSpot exactly once. */
export function expectEachTaskOnce(double: HubSpotDouble, dealIds: string[], perDeal = 2): void {
  const markers = double.tasks.map((t) => t.properties.hs_task_body?.match(/first100 ref (\w+)/)?.[1]);
  expect(new Set(markers).size, 'a task was created twice').toBe(markers.length);
  for (const id of dealIds) {
    const onDeal = double.tasks.filter((t) => t.associations.some((a) => a.to.id === id && a.types[0]?.associationTypeId === 216));
    expect(onDeal, `tasks of deal ${id}`).toHaveLength(perDeal);
  }
  expect(double.tasks).toHaveLength(dealIds.length * perDeal);
}

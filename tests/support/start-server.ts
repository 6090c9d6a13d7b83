import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { inject } from 'vitest';
import { boot, type BootOptions, type Running } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { SMALL_PLAYBOOK_PATH } from './playbook.js';

export const SECRET = 'test-client-secret';
export const PUBLIC_URL = 'https://first100.example.com';
export const PORTAL = '4242';

/** A copy of the migrated embedded database the run's global setup made once (initdb takes seconds). */
export async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-test-'));
  await cp(inject('templateDataDir'), dir, { recursive: true });
  return dir;
}

export interface TestServerOptions extends BootOptions {
  dataDir?: string;
  env?: Record<string, string>;
}

/** The real server on port 0 with an embedded database; HubSpot is reached through nock. */
export async function startServer(options: TestServerOptions = {}): Promise<Running & { dataDir: string; cleanUp(): Promise<void> }> {
  const dataDir = options.dataDir ?? (await freshDataDir());
  const config = loadConfig({
    HUBSPOT_ACCESS_TOKEN: 'pat-test-token',
    HUBSPOT_CLIENT_SECRET: SECRET,
    HUBSPOT_PORTAL_ID: PORTAL,
    PUBLIC_BASE_URL: PUBLIC_URL,
    PORT: '0',
    DATA_DIR: dataDir,
    PLAYBOOK: SMALL_PLAYBOOK_PATH,
    HUBSPOT_CALLS_PER_10S: '250',
    // Live with a token needs an email transport chosen; tests read the outbox (or pass their own transport).
    ...(options.env?.SMTP_URL ? {} : { EMAIL_TRANSPORT: 'outbox' }),
    ...options.env,
  });
  const running = await boot(config, {
    log: pino({ level: 'silent' }),
    startWorker: false,
    retry: { attempts: 3, serverErrorDelayMs: 1, rateLimitDelayMs: 1 },
    ...options,
  });
  return {
    ...running,
    dataDir,
    async cleanUp() {
      await running.stop().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

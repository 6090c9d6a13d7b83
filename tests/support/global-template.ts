import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDataDir: string;
  }
}

/**
 * One migrated embedded database for the whole run, copied by each test that needs one: initdb takes seconds, and
 * done inside every test file's first test it made that test time out on a loaded machine.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-template-'));
  const db = await openDb({ dataDir: dir });
  await migrate(db);
  await db.close();
  project.provide('templateDataDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}

import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(dataDir: string, pid: number) {
    super(
      `the data directory ${dataDir} is in use by process ${pid}. The embedded database allows one process: ` +
        'stop the other one, choose another DATA_DIR, or set DATABASE_URL to share a PostgreSQL database between processes.',
    );
  }
}

/** One process owns an embedded database directory: two would corrupt it. A lock left by a dead process is taken over. */
export async function acquireDataDirLock(dataDir: string): Promise<{ release(): Promise<void> }> {
  const path = join(dataDir, 'first100.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => unlink(path).catch(() => {}) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (holder && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      await unlink(path).catch(() => {});
    }
  }
  throw new Error(`could not take the lock ${path}; remove it if no first100 process is running`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

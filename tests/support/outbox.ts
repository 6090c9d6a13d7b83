import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The .eml files in a server's outbox (`<DATA_DIR>/outbox`), full paths, sorted. */
export async function outboxFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'outbox');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.eml')).sort().map((n) => join(dir, n));
}

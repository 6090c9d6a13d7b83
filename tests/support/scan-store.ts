import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Queryable } from '../../src/store/db.js';

export interface Trace {
  where: string;
  needle: string;
}

/**
 * Full-text scan of every table of the store, each row as text, and of every file under `folders` that exist
 * (an email outbox): where do any of `needles` still appear? Tables added later are scanned too.
 */
export async function findTraces(db: Queryable, needles: string[], o: { skipTables?: string[]; folders?: string[] } = {}): Promise<Trace[]> {
  const traces: Trace[] = [];
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  for (const { table_name: table } of tables) {
    if (o.skipTables?.includes(table)) continue;
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`);
    for (const { row } of rows) for (const needle of needles) if (row.includes(needle)) traces.push({ where: table, needle });
  }
  for (const folder of o.folders ?? []) {
    if (!existsSync(folder)) continue;
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const text = await readFile(path, 'utf8');
      for (const needle of needles) if (text.includes(needle)) traces.push({ where: path, needle });
    }
  }
  return traces;
}

import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { retryCommand } from '../../src/cli/retry-command.js';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/store/db.js';
import { freshDataDir } from '../support/start-server.js';

describe('first100 retry', () => {
  it('puts failed work back in the queue, a create in doubt so it is looked for first, and says what it did', async () => {
    const dataDir = await freshDataDir();
    try {
      const db = await openDb({ dataDir });
      await db.query(`INSERT INTO steps (effect_key, deal_id, kind, step_id, due_at, payload, status, run_at, attempts, last_error)
        VALUES ('k1', '42', 'task', 'celebrate', 1, '{}'::jsonb, 'failed', 1, 10, 'HubSpot refused it'),
               ('k2', '42', 'deal-update', 'properties', 1, '{}'::jsonb, 'failed', 1, 10, 'HubSpot refused it'),
               ('k3', '42', 'note', 'n', 1, '{}'::jsonb, 'done', 1, 1, null)`);
      await db.close();
      const lines: string[] = [];
      const code = await retryCommand(loadConfig({ DATA_DIR: dataDir }), 5000, (l) => lines.push(l));
      expect(code).toBe(0);
      expect(lines).toEqual(['Queued again: 0 stage changes, 2 steps, 0 privacy deletions. The server carries them out on its next round.']);

      const again = await openDb({ dataDir });
      const rows = await again.query<{ effect_key: string; status: string; attempts: number; run_at: string; locked_until: string | null }>(
        'SELECT effect_key, status, attempts, run_at, locked_until FROM steps ORDER BY effect_key',
      );
      await again.close();
      expect(rows.map((r) => [r.effect_key, r.status, Number(r.attempts), Number(r.run_at), r.locked_until === null ? null : Number(r.locked_until)])).toEqual([
        ['k1', 'sending', 0, 5000, 5000], // a task: in doubt, searched for before it is created
        ['k2', 'pending', 0, 5000, null],
        ['k3', 'done', 1, 1, null],
      ]);
      const nothing: string[] = [];
      await retryCommand(loadConfig({ DATA_DIR: dataDir }), 6000, (l) => nothing.push(l));
      expect(nothing).toEqual(['Nothing had failed: nothing to retry.']);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

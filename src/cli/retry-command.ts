import { loadConfig, type Config } from '../config.js';
import { openDb } from '../store/db.js';
import { requeueFailedWork } from '../store/failed-work.js';
import { migrate } from '../store/migrations.js';
import { defineCommand } from './command.js';

export const RETRY_USAGE = `first100 retry: put failed work back in the queue, once its cause is fixed

  first100 retry

  Work HubSpot refused for good (a missing property, a missing scope, an invalid value) fails after its attempts,
  keeping HubSpot's reason. Fix the cause, then run this: the stage changes, steps and privacy deletions that
  failed are due again at once. Tasks, notes and logged emails are first looked for in HubSpot, so nothing is
  created twice. Work that waits on HubSpot being down never fails: it is retried until HubSpot answers.
  With the embedded database, stop the server first (one process owns its data directory).
`;

export async function retryCommand(config: Config, now: number, print: (line: string) => void): Promise<number> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const n = await requeueFailedWork(db, now);
    const total = n.stageChanges + n.steps + n.privacyDeletions;
    print(
      total === 0
        ? 'Nothing had failed: nothing to retry.'
        : `Queued again: ${n.stageChanges} stage changes, ${n.steps} steps, ${n.privacyDeletions} privacy deletions. The server carries them out on its next round.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

export const retryCli = defineCommand({
  name: 'retry',
  summary: 'put work HubSpot refused back in the queue, once its cause is fixed',
  synopsis: 'first100 retry',
  help: RETRY_USAGE.split('\n').slice(4).join('\n'),
  options: {},
  async run(_input, io) {
    return retryCommand(loadConfig(io.env, 'tool'), Date.now(), io.out);
  },
});

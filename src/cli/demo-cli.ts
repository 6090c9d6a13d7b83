import { mkdir, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { defineCommand, UsageError } from './command.js';
import { demoCommand } from './demo-command.js';

export const demoCli = defineCommand({
  name: 'demo',
  summary: 'run the server in dry-run on sample deliveries, walk one deal through its 100 days, print the timeline',
  synopsis: 'first100 demo [--keep <dir>] [--playbook <file>]',
  help: `Starts the real server in dry-run (nothing reaches HubSpot) on a throwaway embedded database, sends it
signed deliveries the way HubSpot does, runs a workflow action, then walks one deal through its first 100 days
(the handoff filled and accepted from the card, every phase, the day-30/60/90 checkpoints, surveys answered by
the client) and prints the timeline and the emails written to the outbox. Needs no HubSpot account and no
settings.

  --keep <dir>        keep the database and the outbox in <dir> (new or empty) instead of removing them
  --playbook <file>   default: PLAYBOOK, or playbooks/default.en.yml
`,
  options: { keep: { type: 'string' }, playbook: { type: 'string' } },
  async run({ values }, io) {
    const keepDir = values.keep === undefined ? undefined : await emptyDirectory(resolve(io.workDir, values.keep));
    await demoCommand(resolve(io.workDir, values.playbook ?? loadConfig(io.env, 'tool').playbookPath), io.out, { keepDir });
    return 0;
  },
});

/** A kept demo must not mix with another database: the directory is new, or empty. */
async function emptyDirectory(dir: string): Promise<string> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new UsageError(`--keep ${dir} cannot be used (${error.code ?? error.message})`);
  });
  if (entries.length > 0) throw new UsageError(`--keep ${dir} is not empty; name a new directory`);
  await mkdir(dir, { recursive: true });
  return dir;
}

import { boot } from '../boot.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { PlaybookError } from '../domain/playbook-loader.js';
import { createLogger } from '../logger.js';
import { VERSION } from '../version.js';
import { bootSummary } from './boot-summary.js';
import { CliError, defineCommand } from './command.js';

export const startCli = defineCommand({
  name: 'start',
  summary: 'run the server: webhooks, cards, workflow actions, emails, schedules',
  synopsis: 'first100 start',
  help: `Runs the first100 server until it is stopped (Ctrl-C, or SIGTERM). Settings come from the environment
and from .env in the current directory; a bad or missing one stops it with a list of what to fix.
Logs are readable lines on a terminal and JSON lines otherwise. GET / on the server shows its status.
`,
  options: {},
  async run(_input, io) {
    const config = loadConfig(io.env);
    const log = createLogger(config.logLevel, { pretty: io.stdoutIsTTY });
    const running = await boot(config, { log }).catch((error: unknown) => {
      throw startProblem(error, config);
    });
    log.info(bootSummary(config, { version: VERSION, dryRun: running.engine.hubspot.dryRun, database: running.db.kind, localUrl: running.url }));
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => resolve(s));
    });
    log.info({ signal }, 'stopping: finishing the work in hand');
    await running.stop();
    return 0;
  },
});

/** Why the server could not start, in a line the admin can act on. */
function startProblem(error: unknown, config: Config): Error {
  if (error instanceof ConfigError || error instanceof PlaybookError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new CliError(`port ${config.port} is already in use by another program: stop it, or set PORT to a free port`);
  if (code === 'EACCES') return new CliError(`port ${config.port} needs administrator rights on this machine: set PORT to 1024 or above (a proxy in front can serve 443)`);
  return new CliError(`could not start: ${(error as Error).message}`);
}

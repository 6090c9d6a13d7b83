import { loadConfig } from '../config.js';
import { statusLines, type StatusReport } from '../server/status-report.js';
import { CliError, defineCommand, UsageError } from './command.js';
import { describeNetworkFailure } from './network-failure.js';

export const statusCli = defineCommand({
  name: 'status',
  summary: 'ask the running server how it stands: mode, database, email, last webhook, deals and steps',
  synopsis: 'first100 status [--url <server>] [--json]',
  help: `Asks a running first100 server (GET /, the same page a browser shows) and prints its status: version,
mode, database, email transport, the last webhook received, deals in onboarding, steps waiting and failed.
Exits 1 when the server cannot be reached or its database is down.

  --url <server>   default: http://127.0.0.1:PORT (this machine)
  --json           the server's JSON answer as it is
`,
  options: { url: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const base = (values.url ?? `http://127.0.0.1:${loadConfig(io.env, 'tool').port}`).replace(/\/+$/, '');
    if (!URL.canParse(base)) throw new UsageError(`--url "${values.url}" is not a URL, e.g. http://127.0.0.1:3000`);
    let response: Response;
    try {
      response = await fetch(`${base}/`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new CliError(`no first100 server answers at ${base}: ${describeNetworkFailure(error, base)}; start it with first100 start`);
    }
    const report = (await response.json().catch(() => null)) as StatusReport | null;
    if (!report || typeof report.version !== 'string') throw new CliError(`${base}/ answered ${response.status}, and not as first100 does: is it first100 at that address?`);
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else for (const line of statusLines(report)) io.out(line);
    return response.ok ? 0 : 1;
  },
});

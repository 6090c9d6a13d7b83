import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { PlaybookError } from '../domain/playbook-loader.js';
import { createHubSpotAdapter } from '../hubspot/create-hubspot-adapter.js';
import { HubSpotError } from '../hubspot/hubspot-error.js';
import { DataDirLockedError } from '../store/data-dir-lock.js';
import { demoCommand } from './demo-command.js';
import { DOCTOR_USAGE, runDoctor } from './doctor-command.js';
import { planCommand, PLAN_USAGE } from './plan-command.js';
import { retryCommand, RETRY_USAGE } from './retry-command.js';
import { runSetup, SETUP_USAGE } from './setup-command.js';

const USAGE = `first100 <command>

  setup   create the first100 properties in HubSpot and map the pipelines into the playbook (--dry-run)
  doctor  check the token, scopes, properties, playbook and public URL, and say what to fix
  plan    print what a deal stage change would do (see: first100 plan --help)
  demo    run the server in dry-run on sample deliveries and print the timeline
  retry   put work HubSpot refused back in the queue, once its cause is fixed
`;

const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

function liveAdapter(config: Config, why: string) {
  if (!config.hubspot.accessToken) throw new ConfigError([`HUBSPOT_ACCESS_TOKEN: ${why}; copy it from the app's Auth tab in HubSpot`]);
  return createHubSpotAdapter({ accessToken: config.hubspot.accessToken, apiBaseUrl: config.hubspot.apiBaseUrl, callsPer10s: config.hubspot.callsPer10s });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const print = (line: string) => console.log(line);
  if (command === 'plan') {
    if (args.includes('--help')) return (print(PLAN_USAGE), 0);
    const config = loadConfig();
    for (const line of await planCommand(args, { playbook: config.playbookPath })) print(line);
    return 0;
  }
  if (command === 'setup') {
    if (args.includes('--help')) return (print(SETUP_USAGE), 0);
    const config = loadConfig();
    const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false }, playbook: { type: 'string', default: config.playbookPath } } });
    await runSetup(liveAdapter(config, 'setup reads and creates properties in your HubSpot account'), { dryRun: values['dry-run'], playbookPath: values.playbook }, print);
    return 0;
  }
  if (command === 'doctor') {
    if (args.includes('--help')) return (print(DOCTOR_USAGE), 0);
    const config = loadConfig();
    const hubspot = config.hubspot.accessToken ? liveAdapter(config, 'doctor reads your HubSpot account') : undefined;
    return runDoctor({ config, hubspot, fetch, projectDir: PROJECT_DIR }, print);
  }
  if (command === 'retry') {
    if (args.includes('--help')) return (print(RETRY_USAGE), 0);
    return retryCommand(loadConfig(), Date.now(), print);
  }
  if (command === 'demo') {
    await demoCommand(loadConfig().playbookPath, print);
    return 0;
  }
  process.stderr.write(USAGE);
  return command === undefined || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof PlaybookError || error instanceof HubSpotError || error instanceof DataDirLockedError;
    process.stderr.write(`first100: ${known ? (error as Error).message : (error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

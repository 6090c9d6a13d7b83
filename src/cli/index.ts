import { ConfigError, loadConfig } from '../config.js';
import { PlaybookError } from '../domain/playbook-loader.js';
import { demoCommand } from './demo-command.js';
import { planCommand, PLAN_USAGE } from './plan-command.js';

const USAGE = `first100 <command>

  plan    print what a deal stage change would do (see: first100 plan --help)
  demo    run the server in dry-run on sample deliveries and print the timeline
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const print = (line: string) => console.log(line);
  if (command === 'plan') {
    if (args.includes('--help')) return (print(PLAN_USAGE), 0);
    const config = loadConfig();
    for (const line of await planCommand(args, { playbook: config.playbookPath })) print(line);
    return 0;
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
    const known = error instanceof ConfigError || error instanceof PlaybookError;
    process.stderr.write(`first100: ${known ? (error as Error).message : (error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

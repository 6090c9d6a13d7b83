import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { PlaybookError } from '../domain/playbook-loader.js';
import { HubSpotError } from '../hubspot/hubspot-error.js';
import { DataDirLockedError } from '../store/data-dir-lock.js';
import { VERSION } from '../version.js';
import { CliError, UsageError, type CliIo, type Command } from './command.js';

/** Runs one command line; returns the exit code (0 done, 1 something to fix, 2 the command line itself is wrong). */
export async function runCli(argv: string[], io: CliIo, commands: Command[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    if (name === 'help' && rest[0] !== undefined && !topic) return usageError(io, 'first100', `unknown command "${rest[0]}"`, mainSynopsis(commands), 'first100 help');
    io.out(topic ? commandHelp(topic) : mainHelp(commands));
    return 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`first100 ${VERSION}`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`;
    return usageError(io, 'first100', what, mainSynopsis(commands), 'first100 help');
  }
  try {
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help === true) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run({ values, positionals } as never, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, `first100 ${command.name}`, error.message, command.synopsis, `first100 ${command.name} --help`);
    io.err(`first100 ${command.name}: ${describeFailure(error)}`);
    if (!isExplained(error)) io.err((error as Error).stack ?? String(error));
    return 1;
  }
}

function parseCommandLine(command: Command, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(parseArgsProblem(error as Error & { code?: string }));
  }
  const max = command.positionals?.max ?? 0;
  if (parsed.positionals.length > max) throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`);
  return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}

/** Node's parseArgs messages, made one short line. */
function parseArgsProblem(error: Error & { code?: string }): string {
  const option = error.message.match(/'(-{1,2}[^' ]+)/)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (/argument missing|ambiguous/.test(error.message)) return `option ${option} needs a value`;
  if (/does not take an argument/.test(error.message)) return `option ${option} takes no value`;
  return error.message.split('\n')[0]!;
}

function usageError(io: CliIo, who: string, problem: string, synopsis: string, more: string): number {
  io.err(`${who}: ${problem}. Usage: ${synopsis} (${more} says more)`);
  return 2;
}

/** Errors that already say what to do: their message is the whole story. */
function isExplained(error: unknown): boolean {
  return (
    error instanceof CliError ||
    error instanceof ConfigError ||
    error instanceof PlaybookError ||
    error instanceof HubSpotError ||
    error instanceof DataDirLockedError ||
    typeof (error as NodeJS.ErrnoException)?.syscall === 'string'
  );
}

function describeFailure(error: unknown): string {
  if (isExplained(error)) return (error as Error).message;
  return `unexpected error, a bug in first100 (please report it with the lines below): ${(error as Error)?.message ?? String(error)}`;
}

function mainSynopsis(commands: Command[]): string {
  return `first100 <${commands.map((c) => c.name).join('|')}> [options]`;
}

function mainHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `first100 ${VERSION}: keeps a new client's first 100 days inside HubSpot`,
    '',
    `Usage: ${mainSynopsis(commands)}`,
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'first100 <command> --help says more about one; first100 --version prints the version.',
    'Settings come from the environment and from .env in the current directory (the environment wins).',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `Usage: ${command.synopsis}\n\n${command.help.trimEnd()}`;
}

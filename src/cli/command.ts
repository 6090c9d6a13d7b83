/** What a command may do with the outside world; tests pass their own. */
export interface CliIo {
  /** A line of the command's output (stdout). */
  out(line: string): void;
  /** A line about a problem (stderr). */
  err(line: string): void;
  /** The repository: extensions/, hubspot.config.yml, playbooks/, .env.example. */
  projectDir: string;
  /** Where `.env` is written and relative paths (PLAYBOOK, DATA_DIR) are read from: the directory the command runs in. */
  workDir: string;
  /** The settings, when they are not this process's environment (tests); config.ts reads process.env otherwise. */
  env?: Record<string, string | undefined>;
  /** Whether logs go to a person (pretty) or to a machine (JSON lines). */
  stdoutIsTTY: boolean;
  /** Asks a question and returns the answer; absent when nobody can answer (no terminal). */
  ask?: (question: string) => Promise<string>;
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };
type OptionValue<T extends OptionSpec> = T extends { type: 'boolean' }
  ? T extends { multiple: true } ? boolean[] : boolean
  : T extends { multiple: true } ? string[] : string;
export type OptionValues<O extends Record<string, OptionSpec>> = { [K in keyof O]?: OptionValue<O[K]> };

export interface Command<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  /** One line in `first100 help`. */
  summary: string;
  /** How it is called, one line, repeated in every usage error. */
  synopsis: string;
  /** The rest of `first100 <name> --help`. */
  help: string;
  options: O;
  /** Words after the command name; without this, none are accepted. */
  positionals?: { max: number };
  run(input: { values: OptionValues<O>; positionals: string[] }, io: CliIo): Promise<number>;
}

/** Keeps each command's option types while the table holds them all. */
export function defineCommand<O extends Record<string, OptionSpec>>(command: Command<O>): Command {
  return command as unknown as Command;
}

/** The user typed something the command does not take: one line, the usage, exit 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
}

/** Something the user can fix, said in one line: exit 1, never a stack trace. */
export class CliError extends Error {
  readonly code = 'CLI';
}

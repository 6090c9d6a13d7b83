import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { loadEnvFile } from '../config.js';
import type { CliIo } from './command.js';
import { COMMANDS } from './commands.js';
import { runCli } from './run-cli.js';

const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The real terminal: stdout and stderr, questions only when a person can answer them. */
function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    projectDir: PROJECT_DIR,
    workDir: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    ...(process.stdin.isTTY
      ? {
          async ask(question: string) {
            const rl = createInterface({ input: process.stdin, output: process.stdout });
            try {
              return await rl.question(question);
            } finally {
              rl.close();
            }
          },
        }
      : {}),
  };
}

/** Reads .env, runs one command line, exits with its code. */
export async function runFromProcess(argv: string[]): Promise<never> {
  const io = processIo();
  let code: number;
  try {
    loadEnvFile();
    code = await runCli(argv, io, COMMANDS);
  } catch (error) {
    io.err(`first100: ${(error as Error).message}`);
    code = 1;
  }
  // stdout may be a pipe still being written: exit once it has drained.
  process.stdout.write('', () => process.exit(code));
  return new Promise<never>(() => {});
}

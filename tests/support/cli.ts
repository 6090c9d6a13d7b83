import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/command.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { runCli } from '../../src/cli/run-cli.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** A command line run in this process, as the terminal would; `answers` are typed at its questions, in order. */
export async function runCommand(
  argv: string[],
  o: { projectDir?: string; workDir?: string; answers?: string[]; env?: Record<string, string | undefined> } = {},
): Promise<CliRun & { asked: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const answers = [...(o.answers ?? [])];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    projectDir: o.projectDir ?? REPO,
    workDir: o.workDir ?? REPO,
    stdoutIsTTY: false,
    ...(o.env ? { env: o.env } : {}),
    ...(o.answers
      ? {
          async ask(question: string) {
            asked.push(question);
            if (answers.length === 0) throw new Error(`no answer left for: ${question}`);
            return answers.shift()!;
          },
        }
      : {}),
  };
  const code = await runCli(argv, io, COMMANDS);
  return { code, out, err, asked };
}

/** The real `first100` executable in its own process (bin/first100.mjs), with only the environment given. */
export function runBin(args: string[], o: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../bin/first100.mjs', import.meta.url)), ...args], {
      cwd: o.cwd ?? REPO,
      env: { PATH: process.env.PATH ?? '', ENV_FILE: '/dev/null', ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const lines = (text: string) => text.split('\n').filter((l) => l !== '');
      resolve({ code: code ?? -1, out: lines(stdout), err: lines(stderr) });
    });
  });
}

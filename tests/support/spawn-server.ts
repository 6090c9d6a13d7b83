import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Generous: on a machine shared with other builds, starting the embedded database has taken 40 s. */
const START_TIMEOUT_MS = 120_000;

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  /** What the process printed (its log lines), for assertions and for failures. */
  logs: string[];
  /** Peak resident memory of the process so far, in MB (Linux /proc). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** The server as a separate process (`src/main.ts`), for tests and benchmarks (bench/) that need several, or need to kill one. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    // The outbox on purpose: a server with a token refuses to start without an email transport chosen.
    // ENV_FILE: only the settings given here, never a .env an admin keeps in the checkout.
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ENV_FILE: '/dev/null', ...(env.SMTP_URL ? {} : { EMAIL_TRANSPORT: 'outbox' }), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let exited: string | undefined;
  const collect = (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; ) {
    if (exited) throw new Error(`server ${exited}:\n${logs.join('\n')}`);
    if (Date.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL'); // a process left behind would keep writing to the data directory the caller removes
      throw new Error(`server did not start in ${START_TIMEOUT_MS / 1000} s:\n${logs.join('\n')}`);
    }
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    logs,
    peakRssMb: () => Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1] ?? NaN) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

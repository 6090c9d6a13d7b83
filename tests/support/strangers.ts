import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Strangers trickling requests into the server from a process of their own, as they would from another machine: the
 * server's process does only the server's work. `perKind` unsigned and as many signed-looking slow clients.
 */
export async function startStrangers(serverUrl: string, perKind: number, timestamp: number): Promise<{ stop(): Promise<void> }> {
  const script = fileURLToPath(new URL('./stranger-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, serverUrl, String(perKind), String(timestamp)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('stalling') && resolve());
    child.once('exit', (code) => reject(new Error(`the strangers' process exited with ${code}`)));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

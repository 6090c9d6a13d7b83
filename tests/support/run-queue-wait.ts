import { readFileSync } from 'node:fs';

/**
 * How long this process's main thread (where JavaScript and the embedded database run) has been ready to run but
 * waiting for a CPU, in ms (Linux /proc schedstat; 0 elsewhere). Subtracted from a timing, it leaves out the time
 * other processes on a shared machine took, and keeps what this process did or waited for itself.
 */
export function runQueueWaitMs(): number {
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

import { processStageChanges } from './stage-changes/apply-stage-changes.js';
import type { Engine } from './engine.js';
import { purgeDeletedContacts } from './privacy/purge-deleted-contacts.js';
import { runDueSteps } from './steps/run-steps.js';
import { runEmailSteps } from './emails/send-emails.js';

export interface Worker {
  start(): void;
  /** Stops after the round under way; resolves when it has. */
  stop(): Promise<void>;
  /** New work was stored: run soon, after a short pause that lets events arriving together share batch calls. */
  kick(): void;
  /** Runs rounds until nothing is due (tests, demo, CLI). */
  drain(): Promise<void>;
}

export interface WorkerTiming {
  pollMs: number;
  coalesceMs: number;
}

export function createWorker(engine: Engine, timing: WorkerTiming = { pollMs: 1000, coalesceMs: 25 }): Worker {
  let running = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  async function round(): Promise<number> {
    engine.gate.beginRound();
    // Purges first: a contact's data should not reach HubSpot or an inbox after its deletion was stored.
    const purged = await purgeDeletedContacts(engine);
    const emails = engine.mail ? await runEmailSteps(engine, engine.mail) : 0;
    return purged + (await processStageChanges(engine)) + (await runDueSteps(engine)) + emails;
  }

  async function run(): Promise<void> {
    while (running) {
      let handled = 0;
      try {
        handled = await round();
      } catch (error) {
        engine.log.error({ err: { message: (error as Error).message } }, 'worker round failed; retrying shortly (is the database reachable?)');
      }
      if (handled === 0 && running) await pause(timing.pollMs);
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = () => setTimeout(done, timing.coalesceMs);
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
    kick() {
      wake?.();
    },
    async drain() {
      while ((await round()) > 0) {
        /* keep going until a round finds nothing due */
      }
    },
  };
}

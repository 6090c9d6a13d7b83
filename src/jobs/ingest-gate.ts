/**
 * Lets webhook acknowledgements go first: HubSpot waits at most 5 s for them, while the worker's pace is set
 * by HubSpot's call budget anyway. The worker asks `turn()` between units of work and waits while deliveries
 * are being stored, but never longer than `maxWaitMs` at a time nor `maxWaitPerRoundMs` in one round of its
 * work, so neither a steady stream of deliveries nor a stuck one can starve it. A delivery enters the gate only
 * once its body is read and its signature verified (see webhook-route): a stranger cannot hold it.
 */
export interface IngestGate {
  enter(): void;
  leave(): void;
  /** The worker starts a round: its waiting allowance is whole again. */
  beginRound(): void;
  turn(): Promise<void>;
}

export interface GateLimits {
  maxWaitMs: number;
  maxWaitPerRoundMs: number;
}

export function createIngestGate({ maxWaitMs, maxWaitPerRoundMs }: GateLimits = { maxWaitMs: 250, maxWaitPerRoundMs: 1000 }): IngestGate {
  let inFlight = 0;
  let allowanceMs = maxWaitPerRoundMs;
  let waiters: (() => void)[] = [];
  const release = () => {
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  return {
    enter() {
      inFlight += 1;
    },
    leave() {
      inFlight = Math.max(0, inFlight - 1);
      if (inFlight === 0) release();
    },
    beginRound() {
      allowanceMs = maxWaitPerRoundMs;
    },
    turn() {
      // setImmediate first: PGlite runs synchronously, so without it an HTTP request could never be read.
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          const waitMs = Math.min(maxWaitMs, allowanceMs);
          if (inFlight === 0 || waitMs <= 0) return resolve();
          const started = performance.now();
          let waiting = true;
          const done = () => {
            if (!waiting) return;
            waiting = false;
            clearTimeout(timer);
            allowanceMs -= performance.now() - started;
            resolve();
          };
          const timer = setTimeout(done, waitMs);
          waiters.push(done);
        }),
      );
    },
  };
}

/**
 * Lets webhook acknowledgements go first: HubSpot waits at most 5 s for them, while the worker's pace is set
 * by HubSpot's call budget anyway. The worker asks `turn()` between units of work and waits while deliveries
 * are being stored, but never longer than `maxWaitMs`, so a steady stream of deliveries cannot starve it.
 */
export interface IngestGate {
  enter(): void;
  leave(): void;
  turn(): Promise<void>;
}

export function createIngestGate(maxWaitMs = 250): IngestGate {
  let inFlight = 0;
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
    turn() {
      // setImmediate first: PGlite runs synchronously, so without it an HTTP request could never be read.
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          if (inFlight === 0) return resolve();
          const timer = setTimeout(() => resolve(), maxWaitMs);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        }),
      );
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createIngestGate } from '../../src/jobs/ingest-gate.js';

const timed = async (work: () => Promise<void>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

describe('the ingest gate', () => {
  it('lets the worker through at once when no delivery is being stored', async () => {
    const gate = createIngestGate({ maxWaitMs: 200, maxWaitPerRoundMs: 400 });
    expect(await timed(() => gate.turn())).toBeLessThan(50);
  });

  it('lets a delivery being stored go first, and the worker on as soon as it is stored', async () => {
    const gate = createIngestGate({ maxWaitMs: 1000, maxWaitPerRoundMs: 2000 });
    gate.enter();
    setTimeout(() => gate.leave(), 100);
    const waited = await timed(() => gate.turn());
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(600);
  });

  it('makes the worker wait at most its allowance per round, however long a delivery stays in', async () => {
    const gate = createIngestGate({ maxWaitMs: 60, maxWaitPerRoundMs: 150 });
    gate.enter(); // never leaves
    gate.beginRound();
    const round = await timed(async () => {
      for (let unit = 0; unit < 20; unit++) await gate.turn();
    });
    expect(round).toBeLessThan(400); // 20 units × 60 ms would be 1.2 s
    gate.beginRound();
    expect(await timed(() => gate.turn())).toBeGreaterThanOrEqual(50); // a new round yields again
  });
});

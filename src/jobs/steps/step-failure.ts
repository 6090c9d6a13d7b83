import { HubSpotError } from '../../hubspot/hubspot-error.js';
import { retrySteps, type ClaimedStep } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { retryDelay } from '../retry-delay.js';

/** Logs a failed HubSpot call (code, never content) and schedules the steps' next attempt. */
export async function fail(engine: Engine, steps: ClaimedStep[], error: unknown, inDoubt?: boolean): Promise<void> {
  const failure = error instanceof HubSpotError ? error : undefined;
  engine.log.warn(
    { code: failure?.code ?? 'INTERNAL', status: failure?.details.status, correlationId: failure?.details.correlationId, steps: steps.length, kind: steps[0]?.kind },
    (error as Error).message,
  );
  await retrySteps(engine.db, steps, {
    error: (error as Error).message,
    now: engine.clock(),
    maxAttempts: engine.settings.maxAttempts,
    inDoubt: inDoubt ?? failure?.inDoubt ?? false,
    delayMs: retryDelay(error, engine),
  });
}

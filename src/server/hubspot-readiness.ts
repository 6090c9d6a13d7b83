import type { TokenState } from '../hubspot/token-probe.js';

export type CheckedToken = TokenState & { checkedAt: number };

/**
 * The token probe behind /readyz, taken at most once per `ttlMs`: a load balancer polling every second costs
 * HubSpot one call per period per replica, and requests arriving while a probe runs share it.
 */
export function cachedTokenCheck(probe: () => Promise<TokenState>, clock: () => number, ttlMs: number): () => Promise<CheckedToken> {
  let last: CheckedToken | undefined;
  let running: Promise<CheckedToken> | undefined;
  return () => {
    if (last && clock() - last.checkedAt < ttlMs) return Promise.resolve(last);
    running ??= probe()
      .then((state) => (last = { ...state, checkedAt: clock() }))
      .finally(() => (running = undefined));
    return running;
  };
}

/** A refused token or one that cannot read deals means nothing can be done: not ready. A HubSpot outage is not: work waits. */
export function blocksReadiness(token: TokenState): boolean {
  return token.state === 'token-refused' || token.state === 'missing-scope';
}

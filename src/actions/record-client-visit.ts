import type { Engine } from '../jobs/engine.js';
import type { ClientLink } from '../store/client-links.js';
import { insertSteps, lockDealState } from '../store/onboarding-store.js';
import { clientSeenSteps } from './record-client-task.js';

/**
 * A contact looked at their page (the page's beacon says so once the page is shown to a person; a GET alone records
 * nothing). The same visit and contact as a form post: the visit row, the end of a silence, and at most one
 * `first100_client_last_seen` write per deal an hour. Returns whether a durable step was stored (wake the worker).
 */
export async function recordClientPageVisit(engine: Engine, link: ClientLink): Promise<boolean> {
  return engine.db.transaction(async (tx) => {
    await lockDealState(tx, link.dealId);
    const seen = await clientSeenSteps(tx, engine, link, engine.clock());
    return (await insertSteps(tx, seen)) > 0;
  });
}

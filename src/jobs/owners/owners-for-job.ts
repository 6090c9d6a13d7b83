import type { Owner } from '../../hubspot/hubspot-port.js';
import { readStoredOwners, storeOwners } from '../../store/owner-store.js';
import type { Engine } from '../engine.js';

/** An owner read from HubSpot within this long is used as stored; older ones are read again. */
export const OWNER_FRESH_MS = 24 * 3600_000;

/**
 * The active owners among these ids, for a job (an email naming the PM and the rep): the ones stored within the last
 * day come from the store, only the others are read from HubSpot (one call each) and stored for the next job and
 * for the client's page. An owner HubSpot does not know, or one archived, is absent.
 */
export async function ownersForJob(engine: Engine, ids: string[]): Promise<Map<string, Owner>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const now = engine.clock();
  const stored = await readStoredOwners(engine.db, wanted);
  const owners = new Map<string, Owner>();
  const stale: string[] = [];
  for (const id of wanted) {
    const owner = stored.get(id);
    if (!owner || now - owner.fetchedAt >= OWNER_FRESH_MS) stale.push(id);
    else if (!owner.archived) owners.set(id, owner);
  }
  if (stale.length === 0) return owners;
  const read = await engine.hubspot.readOwners(stale);
  await storeOwners(engine.db, [...read.values()], now);
  for (const [id, owner] of read) if (!owner.archived) owners.set(id, owner);
  return owners;
}

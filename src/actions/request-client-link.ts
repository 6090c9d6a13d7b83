import { addressHash } from '../domain/address-hash.js';
import type { Engine } from '../jobs/engine.js';
import { findClientLink } from '../store/client-links.js';
import { insertSteps, type NewStep } from '../store/onboarding-store.js';

/** One fresh link per address and deal an hour, however often the form is sent. */
const RESEND_EVERY_MS = 3600_000;

/**
 * "Email me a new link", from the page a link that no longer opens gets: if the token was ever issued, an email step
 * to the deal's contacts that goes out only to the one whose address in HubSpot is the address typed (the sender
 * compares hashes), carrying a fresh link as every email does. Nothing tells the caller whether anything will be
 * sent: an unknown link, an unknown address and a known one get the same answer.
 */
export async function requestClientLink(engine: Engine, token: string, address: string): Promise<void> {
  if (!/^[^\s@]{1,64}@[^\s@]{1,190}$/.test(address.trim())) return;
  const now = engine.clock();
  const found = await findClientLink(engine.db, token, now);
  if (found.kind === 'unknown') return;
  const { dealId } = found.link;
  const hash = addressHash(address);
  const key = `${dealId}:client-link:${hash.slice(0, 16)}:${Math.floor(now / RESEND_EVERY_MS)}`;
  const step: NewStep = {
    effectKey: key,
    entryId: null,
    dealId,
    kind: 'email',
    stepId: 'client-link',
    dueAt: now,
    runAt: now,
    payload: { template: 'client-link', to: 'all_contacts', toAddressHash: hash },
  };
  await insertSteps(engine.db, [step]);
}

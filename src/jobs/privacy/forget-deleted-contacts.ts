import type { DealSnapshot } from '../../domain/deal.js';
import type { HubSpotPort } from '../../hubspot/hubspot-port.js';
import type { Queryable } from '../../store/db.js';
import { deletedContacts } from '../../store/privacy-deletion-store.js';

/**
 * The HubSpot port with every deal read leaving out the contacts deleted for privacy. A read made just before the
 * deletion reached HubSpot's associations still lists them, and every path that plans from a read (stage changes,
 * timed advances, card and workflow moves, sweeps, emails) would put them back into new tasks, notes and emails.
 */
export function forgetDeletedContacts(hubspot: HubSpotPort, db: Queryable): HubSpotPort {
  return {
    ...hubspot,
    async readDeals(ids) {
      const deals = await hubspot.readDeals(ids);
      const forgotten = await deletedContacts(db, [...new Set([...deals.values()].flatMap((d) => d.contactIds))]);
      if (forgotten.size === 0) return deals;
      return new Map([...deals].map(([id, deal]) => [id, without(deal, forgotten)]));
    },
  };
}

function without(deal: DealSnapshot, forgotten: Set<string>): DealSnapshot {
  const contactIds = deal.contactIds.filter((id) => !forgotten.has(id));
  if (!deal.contactLabels) return { ...deal, contactIds };
  return { ...deal, contactIds, contactLabels: Object.fromEntries(Object.entries(deal.contactLabels).filter(([id]) => !forgotten.has(id))) };
}

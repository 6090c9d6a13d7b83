import { ownerName } from './owner-name.js';

/** A person of the client's team as their page shows them. */
export interface ClientTeamMember {
  name: string;
  email?: string;
  phone?: string;
  /** What they do for the client, in the playbook's words; absent, the page says it in its own. */
  does?: string;
}

/** HubSpot's owner as first100 stored them. */
export interface KnownOwner {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  archived: boolean;
}

/** The playbook's `team:` entry for an owner id: what HubSpot's owners do not carry, or words the adopter prefers. */
export interface TeamEntry {
  name?: string;
  email?: string;
  phone?: string;
  does?: string;
}

/**
 * One member of the client's team: name and email from HubSpot's owner, the playbook's entry adding the phone and
 * what they do (and replacing the name or email it gives). An owner HubSpot no longer lists as active (archived) is
 * not offered as someone to call. Without a name from either, the member is left out: a client never reads an id.
 */
export function clientTeamMember(owner: KnownOwner | undefined, entry: TeamEntry | undefined): ClientTeamMember | null {
  const active = owner && !owner.archived ? owner : undefined;
  const name = entry?.name ?? (active ? ownerName(active) : null);
  if (!name) return null;
  const email = entry?.email ?? active?.email ?? undefined;
  return {
    name,
    ...(email ? { email } : {}),
    ...(entry?.phone ? { phone: entry.phone } : {}),
    ...(entry?.does ? { does: entry.does } : {}),
  };
}

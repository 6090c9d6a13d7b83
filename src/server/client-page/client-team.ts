import { clientTeamMember } from '../../domain/client-team.js';
import type { Playbook } from '../../domain/playbook-schema.js';
import type { Queryable } from '../../store/db.js';
import { readStoredOwners } from '../../store/owner-store.js';
import type { TeamView } from './people-sections.js';

/** The deal's PM and rep for the client's page, from HubSpot's owners as stored and the playbook's `team:` entries. */
export async function readClientTeam(db: Queryable, ids: { pmOwnerId: string | null; repOwnerId: string | null }, team: Playbook['team']): Promise<TeamView> {
  const owners = await readStoredOwners(db, [ids.pmOwnerId ?? '', ids.repOwnerId ?? '']);
  const member = (id: string | null) => (id ? clientTeamMember(owners.get(id), team[id]) : null);
  return { pm: member(ids.pmOwnerId), rep: member(ids.repOwnerId) };
}

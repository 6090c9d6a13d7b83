import type { Owner } from '../hubspot/hubspot-port.js';
import type { Queryable } from './db.js';

/** A HubSpot owner as first100 last read them, with when. */
export interface StoredOwner extends Owner {
  userId: string | null;
  archived: boolean;
  fetchedAt: number;
}

interface Row {
  owner_id: string;
  user_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  archived: boolean;
  fetched_at: string | number;
}

const COLUMNS = 'owner_id, user_id, email, first_name, last_name, archived, fetched_at';

function toStored(r: Row): StoredOwner {
  return { id: r.owner_id, userId: r.user_id, email: r.email, firstName: r.first_name, lastName: r.last_name, archived: r.archived, fetchedAt: Number(r.fetched_at) };
}

/** Records owners as HubSpot just gave them (a read at job time or a page of the daily refresh). */
export async function storeOwners(db: Queryable, owners: Owner[], fetchedAt: number): Promise<void> {
  if (owners.length === 0) return;
  await db.query(
    `INSERT INTO hubspot_owners (${COLUMNS})
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::bigint[])
     ON CONFLICT (owner_id) DO UPDATE SET user_id = EXCLUDED.user_id, email = EXCLUDED.email, first_name = EXCLUDED.first_name,
       last_name = EXCLUDED.last_name, archived = EXCLUDED.archived, fetched_at = EXCLUDED.fetched_at`,
    [
      owners.map((o) => o.id),
      owners.map((o) => o.userId ?? null),
      owners.map((o) => o.email),
      owners.map((o) => o.firstName),
      owners.map((o) => o.lastName),
      owners.map((o) => o.archived === true),
      owners.map(() => fetchedAt),
    ],
  );
}

/**
 * After a complete refresh: the owners the list no longer gave (read before `refreshStartedAt`) are no longer active
 * in HubSpot. They are kept, marked archived, so that an old deal's PM is never shown to a client as reachable.
 */
export async function archiveOwnersNotSeenSince(db: Queryable, refreshStartedAt: number): Promise<number> {
  const rows = await db.query<{ owner_id: string }>(
    'UPDATE hubspot_owners SET archived = true, fetched_at = $1 WHERE fetched_at < $1 AND NOT archived RETURNING owner_id',
    [refreshStartedAt],
  );
  return rows.length;
}

/** The stored owners among these ids, archived ones included (the caller decides what an archived owner means). */
export async function readStoredOwners(db: Queryable, ids: string[]): Promise<Map<string, StoredOwner>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM hubspot_owners WHERE owner_id = ANY($1::text[])`, [wanted]);
  return new Map(rows.map((r) => [r.owner_id, toStored(r)]));
}

/** The active owner behind a HubSpot user (as hubspot.fetch signs them); null when first100 has not stored one. */
export async function ownerIdOfUser(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db.query<{ owner_id: string }>(
    'SELECT owner_id FROM hubspot_owners WHERE user_id = $1 AND NOT archived ORDER BY fetched_at DESC, owner_id LIMIT 1',
    [userId],
  );
  return row?.owner_id ?? null;
}

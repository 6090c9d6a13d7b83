import type { Queryable } from './db.js';
import { outboxFilesOfContact } from './email-messages.js';

export interface PurgeResult {
  /** Rows deleted or scrubbed. */
  rows: number;
  /** Files holding the contact's data (an email outbox): deleted before the purge commits. */
  files?: string[];
}

/** Where the contact's data may live outside the database. */
export interface PurgePlaces {
  /** The email outbox folder (`DATA_DIR/outbox`); absent when this process sends no email. */
  outboxDir?: string;
}

/** Removes one contact's data from one place; idempotent, since a purge may run again after a crash. */
export type ContactPurge = (tx: Queryable, contactId: string, places: PurgePlaces) => Promise<PurgeResult>;

/** A purge that deletes the rows of `table` whose `column` is the contact's id (a table keyed by contact). */
export function deleteRowsOf(table: string, column: string): ContactPurge {
  return async (tx, contactId) => ({ rows: await count(tx, `DELETE FROM ${table} WHERE ${column} = $1`, [contactId]) });
}

/**
 * Every place first100 keeps data about a contact, one line each. A new table or file store that holds a
 * contact's id, address, name or messages adds its purge here, e.g.
 *   feedback_requests: deleteRowsOf('feedback_requests', 'contact_id'),
 */
export const CONTACT_PURGES: Record<string, ContactPurge> = {
  // Tasks keep the contact as an association to create; the task itself stays, on the deal and company.
  task_steps: (tx, contactId) =>
    scrubIds(tx, `'{task,contactIds}'`, `payload -> 'task' -> 'contactIds'`, contactId, `kind = 'task'`),
  // Emails not yet sent lose the contact as a recipient; one left with no recipient is cancelled.
  email_steps: async (tx, contactId) => {
    const scrubbed = await scrubIds(tx, `'{contactIds}'`, `payload -> 'contactIds'`, contactId, `kind = 'email'`);
    await tx.query(
      `UPDATE steps SET status = 'cancelled', last_error = 'no recipient left: the contact was deleted for privacy', updated_at = now()
        WHERE kind = 'email' AND status = 'pending' AND jsonb_array_length(coalesce(payload -> 'contactIds', '[]')) = 0`,
    );
    return scrubbed;
  },
  // A detractor's follow-up call waits for its owner with the contact among its associations.
  owner_task_steps: (tx, contactId) =>
    scrubIds(tx, `'{task,contactIds}'`, `payload -> 'task' -> 'contactIds'`, contactId, `kind = 'owner-task'`),
  // The contact's survey answers (their own words), then the survey requests they were sent: answers first, they refer to them.
  feedback_answers: async (tx, contactId) => ({
    rows: await count(tx, 'DELETE FROM feedback_answers WHERE request_id IN (SELECT id FROM feedback_requests WHERE contact_id = $1)', [contactId]),
  }),
  feedback_requests: deleteRowsOf('feedback_requests', 'contact_id'),
  // The messages written to the contact (address, name, their survey link), with the outbox files that hold them.
  email_messages: async (tx, contactId, { outboxDir }) => {
    const files = outboxDir ? await outboxFilesOfContact(tx, outboxDir, contactId) : [];
    return { rows: await count(tx, 'DELETE FROM email_messages WHERE contact_id = $1', [contactId]), files };
  },
  unsubscribe_tokens: deleteRowsOf('unsubscribe_tokens', 'contact_id'),
  // The contact's links to their page and their visits; what they said on it about a client task loses its words
  // and its author, and keeps only whether the task was done (the deal's progress, not the contact's data).
  client_links: deleteRowsOf('client_links', 'contact_id'),
  client_visits: deleteRowsOf('client_visits', 'contact_id'),
  client_task_answers: async (tx, contactId) => {
    // The PM's task for a stuck client quotes their comment: its stored copy goes too (HubSpot's task is HubSpot's).
    await tx.query(
      `UPDATE steps s SET payload = jsonb_set(s.payload, '{task,body}', to_jsonb('(removed: the contact was deleted for privacy)'::text)), updated_at = now()
         FROM client_task_answers a
        WHERE a.contact_id = $1 AND a.comment IS NOT NULL AND s.kind IN ('task', 'owner-task')
          AND s.effect_key = a.deal_id || ':client-task:' || a.entry_id || ':' || a.task_id || ':stuck'`,
      [contactId],
    );
    return { rows: await count(tx, "UPDATE client_task_answers SET comment = NULL, contact_id = '' WHERE contact_id = $1", [contactId]) };
  },
  email_unsubscribes: deleteRowsOf('email_unsubscribes', 'contact_id'),
};

/** Runs every purge for one contact in the caller's transaction; counts per place, and the files to delete. */
export async function purgeContact(
  tx: Queryable,
  contactId: string,
  places: PurgePlaces = {},
  purges: Record<string, ContactPurge> = CONTACT_PURGES,
): Promise<{ counts: Record<string, number>; files: string[] }> {
  const counts: Record<string, number> = {};
  const files: string[] = [];
  for (const [place, purge] of Object.entries(purges)) {
    const result = await purge(tx, contactId, places);
    counts[place] = result.rows;
    files.push(...(result.files ?? []));
  }
  return { counts, files };
}

async function scrubIds(tx: Queryable, path: string, array: string, contactId: string, where: string): Promise<PurgeResult> {
  const rows = await count(
    tx,
    `UPDATE steps SET payload = jsonb_set(payload, ${path}, (${array}) - $1), updated_at = now() WHERE ${where} AND (${array}) ? $1`,
    [contactId],
  );
  return { rows };
}

async function count(tx: Queryable, statement: string, params: unknown[]): Promise<number> {
  const [row] = await tx.query<{ n: number }>(`WITH changed AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM changed`, params);
  return Number(row?.n ?? 0);
}

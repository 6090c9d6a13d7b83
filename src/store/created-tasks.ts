import type { Queryable } from './db.js';

export interface CreatedTask {
  hubspotId: string;
  subject: string;
}

/**
 * The tasks first100 created in HubSpot for a deal (a task step done, with HubSpot's id), from the phase entries of
 * `phases` (every entry when null), that no earlier closing has taken care of. Other people's tasks are never here.
 */
export async function createdTasksToClose(tx: Queryable, dealId: string, phases: string[] | null): Promise<CreatedTask[]> {
  const rows = await tx.query<{ hubspot_id: string; subject: string | null }>(
    `SELECT s.hubspot_id, s.payload->'task'->>'subject' AS subject
       FROM steps s LEFT JOIN phase_entries pe ON pe.id = s.entry_id
      WHERE s.deal_id = $1 AND s.kind = 'task' AND s.status = 'done' AND s.hubspot_id IS NOT NULL
        AND ($2::text[] IS NULL OR pe.phase = ANY($2::text[]))
        AND NOT EXISTS (SELECT 1 FROM steps c WHERE c.deal_id = s.deal_id AND c.kind = 'task-close' AND c.payload->>'taskId' = s.hubspot_id)
      ORDER BY s.id`,
    [dealId, phases],
  );
  return rows.map((r) => ({ hubspotId: r.hubspot_id, subject: r.subject ?? '' }));
}

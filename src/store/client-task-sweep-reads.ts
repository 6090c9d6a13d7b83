import type { ClientTaskStatus } from '../domain/client-page-view.js';
import type { Queryable } from './db.js';

export interface ClientTaskEntryFacts {
  /** What the client said about each task of this phase entry. */
  answers: Map<string, ClientTaskStatus>;
  /** A paused onboarding: its playbook work waits, and nobody is reminded of it. */
  paused: boolean;
}

/** The answers and the pause of each deal's current phase entry, in one query per page of deals. */
export async function readClientTaskEntries(db: Queryable, dealIds: string[]): Promise<Map<string, ClientTaskEntryFacts>> {
  const facts = new Map<string, ClientTaskEntryFacts>();
  if (dealIds.length === 0) return facts;
  const rows = await db.query<{ deal_id: string; paused: boolean; task_id: string | null; status: string | null }>(
    `SELECT d.deal_id, d.paused_at IS NOT NULL AS paused, a.task_id, a.status
       FROM deal_onboarding d
       LEFT JOIN client_task_answers a ON a.deal_id = d.deal_id AND a.entry_id = d.entry_id
      WHERE d.deal_id = ANY($1::text[])`,
    [dealIds],
  );
  for (const row of rows) {
    const entry = facts.get(row.deal_id) ?? { answers: new Map(), paused: row.paused };
    if (row.task_id !== null) entry.answers.set(row.task_id, row.status === 'stuck' ? 'stuck' : 'done');
    facts.set(row.deal_id, entry);
  }
  return facts;
}

/** Whether the client has answered this task of this phase entry (done or stuck): its reminder has nothing left to ask. */
export async function clientTaskAnswered(db: Queryable, dealId: string, entryId: string, taskId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM client_task_answers WHERE deal_id = $1 AND entry_id = $2 AND task_id = $3', [dealId, entryId, taskId]);
  return rows.length > 0;
}

/** Whether a reminder (by its step's effect key) reached anyone: the PM's task says so, or that it did not. */
export async function reminderSent(db: Queryable, effectKey: string): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM email_messages WHERE effect_key = $1 AND status = 'sent' LIMIT 1", [effectKey]);
  return rows.length > 0;
}

import type { ClientTaskStatus } from '../domain/client-page-view.js';
import { recordClientVisit } from './client-visits.js';
import type { Queryable } from './db.js';

export interface ClientTaskAnswerRow {
  dealId: string;
  entryId: string;
  taskId: string;
  contactId: string;
  status: ClientTaskStatus;
  comment: string | null;
  now: number;
}

/**
 * Saves what a client said about a task of the current phase entry. Returns the previous status, or null for a first
 * answer: the caller adds effects only when the status changes, so a form posted twice changes nothing.
 */
export async function saveClientTaskAnswer(tx: Queryable, a: ClientTaskAnswerRow): Promise<ClientTaskStatus | null> {
  const [before] = await tx.query<{ status: string }>(
    'SELECT status FROM client_task_answers WHERE deal_id = $1 AND entry_id = $2 AND task_id = $3 FOR UPDATE',
    [a.dealId, a.entryId, a.taskId],
  );
  if (before?.status === a.status) return a.status;
  await tx.query(
    `INSERT INTO client_task_answers (deal_id, entry_id, task_id, contact_id, status, comment, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (deal_id, entry_id, task_id) DO UPDATE SET contact_id = EXCLUDED.contact_id, status = EXCLUDED.status, comment = EXCLUDED.comment, answered_at = EXCLUDED.answered_at`,
    [a.dealId, a.entryId, a.taskId, a.contactId, a.status, a.comment, a.now],
  );
  return before ? (before.status as ClientTaskStatus) : null;
}

/**
 * A client acting on their page is a visit (see client-visits.ts) and contact: the silent-client sweep counts it as it counts a logged call or a survey
 * answer, and a silence in progress ends. The deal's row must be locked by the caller (lockDealState).
 */
export async function recordClientContact(tx: Queryable, dealId: string, contactId: string, at: number): Promise<boolean> {
  const seenDue = await recordClientVisit(tx, dealId, contactId, at);
  await tx.query(
    'UPDATE deal_onboarding SET last_contact_at = GREATEST(last_contact_at, $2), silent_since = NULL, updated_at = now() WHERE deal_id = $1',
    [dealId, at],
  );
  return seenDue;
}

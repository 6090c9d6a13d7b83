import type { Queryable } from './db.js';
import { fingerprintOf } from './request-fingerprint.js';

export interface WorkflowCall {
  callbackId: string;
  dealId: string;
  action: string;
  workflowId: string | null;
  /** What the call asks (its inputs): a repeat of the call must ask the same. */
  content: unknown;
}

export type Outputs = Record<string, string>;

export type CallClaim = { fresh: true } | { fresh: false; sameCall: boolean; outputs: Outputs | null };

/**
 * Records a workflow action call by (callbackId, deal) inside the transaction of its effect. HubSpot's v2 signature
 * has no timestamp, so the same signed request can arrive again (a retry, or someone replaying it): the second
 * finds the row and gets the first one's answer instead of a second effect. A concurrent twin waits for the first
 * to commit; an effect that fails rolls its row back with it, so the retry runs for real. The same callbackId with
 * another action, deal or inputs is not a repeat (`sameCall: false`): the caller refuses it.
 */
export async function claimWorkflowCall(tx: Queryable, c: WorkflowCall): Promise<CallClaim> {
  const fingerprint = fingerprintOf(c.content);
  const inserted = await tx.query(
    `INSERT INTO workflow_calls (callback_id, deal_id, action, workflow_id, fingerprint) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (callback_id, deal_id) DO NOTHING RETURNING callback_id`,
    [c.callbackId, c.dealId, c.action, c.workflowId, fingerprint],
  );
  if (inserted.length > 0) {
    const [other] = await tx.query('SELECT 1 FROM workflow_calls WHERE callback_id = $1 AND deal_id <> $2 LIMIT 1', [c.callbackId, c.dealId]);
    return other ? { fresh: false, sameCall: false, outputs: null } : { fresh: true };
  }
  const [row] = await tx.query<{ action: string; outputs: Outputs | null; fingerprint: string | null }>(
    'SELECT action, outputs, fingerprint FROM workflow_calls WHERE callback_id = $1 AND deal_id = $2',
    [c.callbackId, c.dealId],
  );
  // Calls recorded before fingerprints were kept compare on the action alone.
  const sameInputs = row?.fingerprint === null || row?.fingerprint === fingerprint;
  return { fresh: false, sameCall: row?.action === c.action && sameInputs, outputs: row?.outputs ?? null };
}

/** The call's outputs, once known; the row stays locked until the transaction ends, so a call finishes once. */
export async function lockWorkflowCall(tx: Queryable, callbackId: string, dealId: string): Promise<{ outputs: Outputs | null } | undefined> {
  const [row] = await tx.query<{ outputs: Outputs | null }>(
    'SELECT outputs FROM workflow_calls WHERE callback_id = $1 AND deal_id = $2 FOR UPDATE',
    [callbackId, dealId],
  );
  return row;
}

export async function finishWorkflowCall(tx: Queryable, callbackId: string, dealId: string, outputs: Outputs): Promise<void> {
  await tx.query('UPDATE workflow_calls SET outputs = $3::jsonb, finished_at = now() WHERE callback_id = $1 AND deal_id = $2', [
    callbackId,
    dealId,
    JSON.stringify(outputs),
  ]);
}

import type { Queryable } from './db.js';

export interface WorkflowCall {
  callbackId: string;
  dealId: string;
  action: string;
  workflowId: string | null;
}

export type Outputs = Record<string, string>;

export type CallClaim = { fresh: true } | { fresh: false; sameAction: boolean; outputs: Outputs | null };

/**
 * Records a workflow action call by (callbackId, deal) inside the transaction of its effect. HubSpot's v2 signature
 * has no timestamp, so the same signed request can arrive again (a retry, or someone replaying it): the second
 * finds the row and gets the first one's answer instead of a second effect. A concurrent twin waits for the first
 * to commit; an effect that fails rolls its row back with it, so the retry runs for real.
 */
export async function claimWorkflowCall(tx: Queryable, c: WorkflowCall): Promise<CallClaim> {
  const inserted = await tx.query(
    `INSERT INTO workflow_calls (callback_id, deal_id, action, workflow_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (callback_id, deal_id) DO NOTHING RETURNING callback_id`,
    [c.callbackId, c.dealId, c.action, c.workflowId],
  );
  if (inserted.length > 0) return { fresh: true };
  const [row] = await tx.query<{ action: string; outputs: Outputs | null }>(
    'SELECT action, outputs FROM workflow_calls WHERE callback_id = $1 AND deal_id = $2',
    [c.callbackId, c.dealId],
  );
  return { fresh: false, sameAction: row?.action === c.action, outputs: row?.outputs ?? null };
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

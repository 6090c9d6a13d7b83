import type { Db, Queryable } from './db.js';
import { kindsWhere, ofKind, type ClaimedStepOf } from './step-kinds.js';
import { claimSteps } from './step-store.js';

export type EmailStep = ClaimedStepOf<'email'>;

const EMAIL_KINDS = kindsWhere((rule) => rule.runner === 'email-sender');

/** Claims due email steps with a lease, through the same claim as every step: a paused deal's emails wait too. */
export async function claimEmailSteps(db: Db, now: number, limit: number, leaseMs: number): Promise<EmailStep[]> {
  return ofKind(await claimSteps(db, EMAIL_KINDS, now, limit, leaseMs), 'email');
}

/** What happened to a step's emails, kept on the step for the timeline and the demo. */
export interface DeliverySummary {
  sent: number;
  skipped: { contactId: string; reason: string }[];
  failed: number;
  unknown: number;
}

export async function recordDelivery(db: Queryable, stepId: string, delivery: DeliverySummary): Promise<void> {
  await db.query(`UPDATE steps SET payload = payload || jsonb_build_object('delivery', $2::jsonb), updated_at = now() WHERE id = $1`, [stepId, JSON.stringify(delivery)]);
}

import type { EmailAudience } from '../domain/playbook-schema.js';
import type { SurveyKind } from '../domain/feedback-scoring.js';
import { claimRows } from './claim.js';
import type { Db, Queryable } from './db.js';

/** The payload an email step carries (steps-from-plan and workflow actions write it). */
export interface EmailStepPayload {
  template: string;
  to?: EmailAudience;
  survey?: SurveyKind;
  touchpoint?: string;
  contactIds?: string[];
}

export interface EmailStep {
  id: string;
  effectKey: string;
  dealId: string;
  attempts: number;
  payload: EmailStepPayload;
}

interface Row {
  id: string | number;
  effect_key: string;
  deal_id: string;
  attempts: number;
  payload: EmailStepPayload;
}

/** Claims due email steps with a lease, like the other steps: a worker that dies leaves them to the next one. */
export async function claimEmailSteps(db: Db, now: number, limit: number, leaseMs: number): Promise<EmailStep[]> {
  const rows = await claimRows<Row>(db, { table: 'steps', working: 'sending', where: `kind = 'email'`, now, limit, leaseMs });
  return rows.map((r) => ({ id: String(r.id), effectKey: r.effect_key, dealId: r.deal_id, attempts: Number(r.attempts), payload: r.payload }));
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

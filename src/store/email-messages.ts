import type { Queryable } from './db.js';

/**
 * One email to one contact for one step. rendered → sending (committed before the transport is called) → sent;
 * or skipped (unsubscribed, no address), failed (refused for good), unknown (SMTP, a send cut short: never repeated).
 */
export type MessageStatus = 'rendered' | 'sending' | 'sent' | 'skipped' | 'failed' | 'unknown';
/**
 * Logging on HubSpot, after sending: pending → logging (committed before the call) → logged; or not-logged when
 * the message only went to the outbox while HubSpot is live (nobody received it, so HubSpot must not show it sent).
 */
export type LogStatus = 'none' | 'pending' | 'logging' | 'logged' | 'not-logged';

/** What the HubSpot log of a message needs; kept only until it is logged. Survey and unsubscribe links are masked. */
export interface LoggedCopy {
  subject: string;
  html: string;
  text: string;
  from: { email: string; name?: string };
  to: { email: string; firstName?: string; lastName?: string };
}

export interface EmailMessage {
  id: string;
  stepId: string;
  effectKey: string;
  dealId: string;
  companyId: string | null;
  contactId: string;
  template: string;
  locale: string;
  status: MessageStatus;
  reason: string | null;
  messageId: string;
  fileName: string;
  marker: string;
  raw: string | null;
  logged: LoggedCopy | null;
  sentAt: number | null;
  logStatus: LogStatus;
  hubspotEmailId: string | null;
}

export type NewEmailMessage = Omit<EmailMessage, 'id' | 'sentAt' | 'logStatus' | 'hubspotEmailId'> & { createdAt: number };

export async function insertMessage(tx: Queryable, m: NewEmailMessage): Promise<void> {
  await tx.query(
    `INSERT INTO email_messages (step_id, effect_key, deal_id, company_id, contact_id, template, locale, status, reason, message_id, file_name, marker, raw, logged, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15)
     ON CONFLICT (effect_key, contact_id) DO NOTHING`,
    [m.stepId, m.effectKey, m.dealId, m.companyId, m.contactId, m.template, m.locale, m.status, m.reason, m.messageId, m.fileName, m.marker, m.raw, m.logged ? JSON.stringify(m.logged) : null, m.createdAt],
  );
}

interface MessageRow {
  id: string | number;
  step_id: string | number;
  effect_key: string;
  deal_id: string;
  company_id: string | null;
  contact_id: string;
  template: string;
  locale: string;
  status: MessageStatus;
  reason: string | null;
  message_id: string;
  file_name: string;
  marker: string;
  raw: string | null;
  logged: LoggedCopy | null;
  sent_at: string | number | null;
  log_status: LogStatus;
  hubspot_email_id: string | null;
}

export async function messagesOfSteps(db: Queryable, stepIds: string[]): Promise<EmailMessage[]> {
  if (stepIds.length === 0) return [];
  const rows = await db.query<MessageRow>('SELECT * FROM email_messages WHERE step_id = ANY($1::bigint[]) ORDER BY id', [stepIds]);
  return rows.map((r) => ({
    id: String(r.id),
    stepId: String(r.step_id),
    effectKey: r.effect_key,
    dealId: r.deal_id,
    companyId: r.company_id,
    contactId: r.contact_id,
    template: r.template,
    locale: r.locale,
    status: r.status,
    reason: r.reason,
    messageId: r.message_id,
    fileName: r.file_name,
    marker: r.marker,
    raw: r.raw,
    logged: r.logged,
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
    logStatus: r.log_status,
    hubspotEmailId: r.hubspot_email_id,
  }));
}

/** Moves a message on; the full message (it holds the address) is dropped once it is sent or will never be. */
export async function setMessageStatus(db: Queryable, id: string, status: MessageStatus, o: { reason?: string | null; sentAt?: number } = {}): Promise<void> {
  await db.query(
    `UPDATE email_messages
        SET status = $2, reason = COALESCE($3, reason), sent_at = COALESCE($4, sent_at),
            log_status = CASE WHEN $2 = 'sent' THEN 'pending' ELSE log_status END,
            raw = CASE WHEN $2 IN ('sent', 'skipped', 'failed', 'unknown') THEN NULL ELSE raw END,
            logged = CASE WHEN $2 IN ('skipped', 'failed', 'unknown') THEN NULL ELSE logged END
      WHERE id = $1`,
    [id, status, o.reason ?? null, o.sentAt ?? null],
  );
}

export async function setLogStatus(db: Queryable, ids: string[], status: LogStatus, hubspotIds?: Map<string, string>): Promise<void> {
  if (ids.length === 0) return;
  const rows = ids.map((id) => ({ id, hubspot_id: hubspotIds?.get(id) ?? null }));
  await db.query(
    `UPDATE email_messages m
        SET log_status = $2, hubspot_email_id = COALESCE(x.hubspot_id, m.hubspot_email_id),
            logged = CASE WHEN $2 IN ('logged', 'not-logged') THEN NULL ELSE m.logged END
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, hubspot_id text)
      WHERE m.id = x.id`,
    [JSON.stringify(rows), status],
  );
}

/** The outbox files written for a contact (for a privacy purge): paths under `outboxDir`, whether or not they still exist. */
export async function outboxFilesOfContact(db: Queryable, outboxDir: string, contactId: string): Promise<string[]> {
  // Every message, whatever its state: a file may exist for one whose sending was never recorded as done.
  const rows = await db.query<{ file_name: string }>('SELECT file_name FROM email_messages WHERE contact_id = $1 ORDER BY id', [contactId]);
  return rows.map((r) => `${outboxDir.replace(/\/+$/, '')}/${r.file_name}`);
}

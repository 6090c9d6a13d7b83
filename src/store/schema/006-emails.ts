import type { Migration } from '../migrations.js';

export const migration006: Migration = {
  id: 6,
  name: 'feedback emails: one message per step and contact, unsubscribes',
  sql: `
      CREATE TABLE email_messages (
        id bigserial PRIMARY KEY,
        step_id bigint NOT NULL REFERENCES steps (id),
        effect_key text NOT NULL,
        deal_id text NOT NULL,
        company_id text,
        contact_id text NOT NULL,
        template text NOT NULL,
        locale text NOT NULL,
        status text NOT NULL,
        reason text,
        message_id text NOT NULL,
        file_name text NOT NULL,
        marker text NOT NULL,
        raw text,
        logged jsonb,
        created_at bigint NOT NULL,
        sent_at bigint,
        log_status text NOT NULL DEFAULT 'none',
        hubspot_email_id text,
        UNIQUE (effect_key, contact_id)
      );
      CREATE INDEX email_messages_by_step ON email_messages (step_id);
      CREATE INDEX email_messages_by_contact ON email_messages (contact_id);

      CREATE TABLE unsubscribe_tokens (
        token_hash text PRIMARY KEY,
        contact_id text NOT NULL,
        locale text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE INDEX unsubscribe_tokens_by_contact ON unsubscribe_tokens (contact_id);

      CREATE TABLE email_unsubscribes (
        contact_id text PRIMARY KEY,
        unsubscribed_at bigint NOT NULL,
        via text NOT NULL
      );
    `,
};

import type { Migration } from '../migrations.js';

/**
 * The client's own page: its links (only their hashes), what the client did with their tasks, their visits, the
 * deal's rep and PM owner ids as the engine read them, and request counts for the rate limits every replica shares.
 */
export const migration015: Migration = {
  id: 15,
  name: 'client page: links, client tasks, visits, team owners, shared rate limits',
  sql: `
      CREATE TABLE client_links (
        id bigserial PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        deal_id text NOT NULL,
        contact_id text NOT NULL,
        locale text NOT NULL,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        revoked_at bigint
      );
      CREATE INDEX client_links_by_deal ON client_links (deal_id);
      CREATE INDEX client_links_by_contact ON client_links (contact_id);

      CREATE TABLE client_task_answers (
        deal_id text NOT NULL,
        entry_id bigint NOT NULL,
        task_id text NOT NULL,
        contact_id text NOT NULL,
        status text NOT NULL,
        comment text,
        answered_at bigint NOT NULL,
        PRIMARY KEY (deal_id, entry_id, task_id)
      );
      CREATE INDEX client_task_answers_by_contact ON client_task_answers (contact_id);

      CREATE TABLE client_visits (
        deal_id text NOT NULL,
        contact_id text NOT NULL,
        last_seen_at bigint NOT NULL,
        PRIMARY KEY (deal_id, contact_id)
      );
      CREATE INDEX client_visits_by_contact ON client_visits (contact_id);

      ALTER TABLE deal_onboarding ADD COLUMN rep_owner_id text;
      ALTER TABLE deal_onboarding ADD COLUMN client_seen_written_at bigint;

      CREATE TABLE client_shared_items (
        deal_id text NOT NULL,
        item_key text NOT NULL,
        shared_by text NOT NULL,
        shared_at bigint NOT NULL,
        PRIMARY KEY (deal_id, item_key)
      );

      CREATE TABLE rate_limit_hits (
        bucket text NOT NULL,
        window_start bigint NOT NULL,
        hits int NOT NULL,
        PRIMARY KEY (bucket, window_start)
      );
    `,
};

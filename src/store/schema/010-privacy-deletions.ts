import type { Migration } from '../migrations.js';

export const migration010: Migration = {
  id: 10,
  name: 'privacy deletions of contacts',
  sql: `
      CREATE TABLE privacy_deletions (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        event_id text,
        portal_id text NOT NULL,
        contact_id text NOT NULL,
        occurred_at bigint NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending',
        run_at bigint NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        locked_until bigint,
        outcome text,
        last_error text
      );
      CREATE INDEX privacy_deletions_ready ON privacy_deletions (run_at) WHERE status IN ('pending', 'running');
    `,
};

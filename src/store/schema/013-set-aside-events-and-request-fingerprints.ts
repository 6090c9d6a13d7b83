import type { Migration } from '../migrations.js';

export const migration013: Migration = {
  id: 13,
  name: 'set-aside webhook events, fingerprints of card and workflow requests',
  sql: `
      CREATE TABLE set_aside_events (
        id bigserial PRIMARY KEY,
        received_at bigint NOT NULL,
        portal_id text,
        event_id text,
        subscription_type text,
        reason text NOT NULL
      );

      ALTER TABLE card_requests ADD COLUMN fingerprint text;
      ALTER TABLE workflow_calls ADD COLUMN fingerprint text;
    `,
};

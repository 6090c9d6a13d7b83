import type { Migration } from '../migrations.js';

export const migration002: Migration = {
  id: 2,
  name: 'handoff checklists and idempotent card requests',
  sql: `
      CREATE TABLE handoffs (
        deal_id text PRIMARY KEY,
        status text NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE handoff_events (
        id bigserial PRIMARY KEY,
        deal_id text NOT NULL,
        at bigint NOT NULL,
        actor_user_id text NOT NULL,
        actor_email text,
        action text NOT NULL,
        items jsonb NOT NULL DEFAULT '[]',
        comment text
      );
      CREATE INDEX handoff_events_by_deal ON handoff_events (deal_id, at);

      CREATE TABLE card_requests (
        request_id text PRIMARY KEY,
        deal_id text NOT NULL,
        action text NOT NULL,
        actor_user_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
};

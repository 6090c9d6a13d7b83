import type { Migration } from '../migrations.js';

export const migration009: Migration = {
  id: 9,
  name: 'schedule cursors',
  sql: `
      CREATE TABLE schedule_cursors (
        job text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX stage_changes_by_deal ON stage_changes (deal_id, occurred_at);
    `,
};

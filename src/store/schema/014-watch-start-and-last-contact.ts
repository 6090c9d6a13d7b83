import type { Migration } from '../migrations.js';

export const migration014: Migration = {
  id: 14,
  name: 'when first100 started watching; the last client contact the silence sweep found',
  sql: `
      CREATE TABLE watch_start (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        since bigint NOT NULL
      );
      INSERT INTO watch_start (since)
        SELECT LEAST((SELECT min(occurred_at) FROM stage_changes), (SELECT position FROM schedule_cursors WHERE job = 'reconciliation-sweep'))
         WHERE EXISTS (SELECT 1 FROM stage_changes) OR EXISTS (SELECT 1 FROM schedule_cursors WHERE job = 'reconciliation-sweep');
      ALTER TABLE deal_onboarding ADD COLUMN last_contact_at bigint;
    `,
};

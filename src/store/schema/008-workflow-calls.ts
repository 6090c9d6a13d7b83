import type { Migration } from '../migrations.js';

export const migration008: Migration = {
  id: 8,
  name: 'workflow action calls and paused onboardings',
  sql: `
      CREATE TABLE workflow_calls (
        callback_id text NOT NULL,
        deal_id text NOT NULL,
        action text NOT NULL,
        workflow_id text,
        outputs jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (callback_id, deal_id)
      );

      ALTER TABLE deal_onboarding ADD COLUMN paused_at bigint;
      CREATE INDEX deal_onboarding_paused ON deal_onboarding (deal_id) WHERE paused_at IS NOT NULL;
    `,
};

import type { Migration } from '../migrations.js';

/**
 * What the app pages filter the portfolio by, kept where the deal is read anyway (as its name is): its PM and its
 * pipeline. And the indexes the portfolio and analytics read through.
 */
export const migration018: Migration = {
  id: 18,
  name: 'PM and pipeline of each onboarding, indexes for the app pages',
  sql: `
      ALTER TABLE deal_onboarding ADD COLUMN pm_owner_id text;
      ALTER TABLE deal_onboarding ADD COLUMN pipeline_id text;
      CREATE INDEX deal_onboarding_in_onboarding ON deal_onboarding (phase) WHERE phase IS NOT NULL AND NOT lost;
      CREATE INDEX phase_entries_by_deal ON phase_entries (deal_id, entered_at);
      CREATE INDEX feedback_answers_by_time ON feedback_answers (answered_at);
      CREATE INDEX steps_by_entry ON steps (entry_id, due_at) WHERE status <> 'cancelled';
    `,
};

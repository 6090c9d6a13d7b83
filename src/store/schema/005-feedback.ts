import type { Migration } from '../migrations.js';

export const migration005: Migration = {
  id: 5,
  name: 'feedback requests and answers, health signals',
  sql: `
      CREATE TABLE feedback_requests (
        id bigserial PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        effect_key text NOT NULL,
        deal_id text NOT NULL,
        company_id text,
        contact_id text NOT NULL,
        survey text NOT NULL,
        touchpoint text NOT NULL,
        phase text,
        locale text NOT NULL,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        UNIQUE (effect_key, contact_id)
      );
      CREATE INDEX feedback_requests_by_deal ON feedback_requests (deal_id);

      CREATE TABLE feedback_answers (
        request_id bigint PRIMARY KEY REFERENCES feedback_requests (id),
        score int NOT NULL,
        comment text,
        first_answered_at bigint NOT NULL,
        answered_at bigint NOT NULL,
        revisions int NOT NULL DEFAULT 1
      );

      ALTER TABLE deal_onboarding ADD COLUMN silent_since bigint;
      ALTER TABLE deal_onboarding ADD COLUMN last_feedback jsonb;
    `,
};

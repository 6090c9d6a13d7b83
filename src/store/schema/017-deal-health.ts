import type { Migration } from '../migrations.js';

/**
 * deal_health: a deal's computed health as first100 last worked it out (src/domain/health/), one row per deal in
 * onboarding, for the card, the app pages and the HubSpot properties. `written` holds the property values last handed
 * to the step engine, so a value reaches HubSpot once per change. `planned_go_live` is the plan made at day zero and
 * is never moved once set. task_completions: first100's HubSpot tasks found completed (by the health sweep).
 */
export const migration017: Migration = {
  id: 17,
  name: 'computed deal health; first100 tasks found completed',
  sql: `
      CREATE TABLE deal_health (
        deal_id text PRIMARY KEY,
        health text NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]',
        reasons_text text NOT NULL DEFAULT '',
        phase text,
        business_days_in_phase int,
        expected_business_days int,
        due_tasks int NOT NULL DEFAULT 0,
        overdue_tasks int NOT NULL DEFAULT 0,
        planned_go_live text,
        projected_go_live text,
        slip_business_days int,
        computed_at bigint NOT NULL,
        written jsonb NOT NULL DEFAULT '{}',
        revision int NOT NULL DEFAULT 0
      );
      CREATE INDEX deal_health_by_health ON deal_health (health);
      CREATE TABLE task_completions (
        task_id text PRIMARY KEY,
        deal_id text NOT NULL,
        completed_at bigint NOT NULL
      );
      CREATE INDEX task_completions_by_deal ON task_completions (deal_id);
    `,
};

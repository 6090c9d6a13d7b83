import type { Migration } from '../migrations.js';

export const migration001: Migration = {
  id: 1,
  name: 'stage changes, onboarding state, steps',
  sql: `
      CREATE TABLE stage_changes (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        event_id text,
        portal_id text NOT NULL,
        deal_id text NOT NULL,
        stage_id text NOT NULL,
        occurred_at bigint NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending',
        run_at bigint NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        locked_until bigint,
        outcome text,
        last_error text
      );
      CREATE INDEX stage_changes_ready ON stage_changes (run_at) WHERE status IN ('pending', 'running');

      CREATE TABLE deal_onboarding (
        deal_id text PRIMARY KEY,
        phase text,
        entry_id bigint,
        entered_at bigint,
        last_change_at bigint,
        lost boolean NOT NULL DEFAULT false,
        day_zero bigint,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE phase_entries (
        id bigserial PRIMARY KEY,
        deal_id text NOT NULL,
        phase text NOT NULL,
        from_phase text,
        entered_at bigint NOT NULL,
        cause text NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (deal_id, phase, entered_at)
      );

      CREATE TABLE steps (
        id bigserial PRIMARY KEY,
        effect_key text NOT NULL UNIQUE,
        entry_id bigint REFERENCES phase_entries (id),
        deal_id text NOT NULL,
        kind text NOT NULL,
        step_id text NOT NULL,
        due_at bigint NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL,
        run_at bigint NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        locked_until bigint,
        hubspot_id text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX steps_ready ON steps (run_at) WHERE status IN ('pending', 'sending');
      CREATE INDEX steps_by_deal ON steps (deal_id, status);
    `,
};

import type { Db } from './db.js';

/** Append only: a migration, once released, is never edited. */
const MIGRATIONS: { id: number; name: string; sql: string }[] = [
  {
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
  },
  {
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
  },
  {
    id: 4,
    name: 'shared HubSpot call budget and cron ticks',
    sql: `
      CREATE TABLE call_budget (
        name text PRIMARY KEY,
        window_start bigint NOT NULL,
        used int NOT NULL
      );

      CREATE TABLE cron_ticks (
        job text NOT NULL,
        tick_at bigint NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (job, tick_at)
      );
    `,
  },
  {
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
  },
  {
    id: 6,
    name: 'feedback emails: one message per step and contact, unsubscribes',
    sql: `
      CREATE TABLE email_messages (
        id bigserial PRIMARY KEY,
        step_id bigint NOT NULL REFERENCES steps (id),
        effect_key text NOT NULL,
        deal_id text NOT NULL,
        company_id text,
        contact_id text NOT NULL,
        template text NOT NULL,
        locale text NOT NULL,
        status text NOT NULL,
        reason text,
        message_id text NOT NULL,
        file_name text NOT NULL,
        marker text NOT NULL,
        raw text,
        logged jsonb,
        created_at bigint NOT NULL,
        sent_at bigint,
        log_status text NOT NULL DEFAULT 'none',
        hubspot_email_id text,
        UNIQUE (effect_key, contact_id)
      );
      CREATE INDEX email_messages_by_step ON email_messages (step_id);
      CREATE INDEX email_messages_by_contact ON email_messages (contact_id);

      CREATE TABLE unsubscribe_tokens (
        token_hash text PRIMARY KEY,
        contact_id text NOT NULL,
        locale text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE INDEX unsubscribe_tokens_by_contact ON unsubscribe_tokens (contact_id);

      CREATE TABLE email_unsubscribes (
        contact_id text PRIMARY KEY,
        unsubscribed_at bigint NOT NULL,
        via text NOT NULL
      );
    `,
  },
  {
    id: 7,
    name: 'the company of each onboarding deal, for company health and segment',
    sql: `
      ALTER TABLE deal_onboarding ADD COLUMN company_id text;
      CREATE INDEX deal_onboarding_by_company ON deal_onboarding (company_id) WHERE company_id IS NOT NULL;
    `,
  },
  {
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
    `,
  },
  {
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
  },
  {
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
  },
];

/** Brings the schema up to date; safe when several processes start at once on one PostgreSQL. */
export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4210100)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => Number(r.id)));
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    }
  });
}

function splitStatements(sql: string): string[] {
  return sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
}

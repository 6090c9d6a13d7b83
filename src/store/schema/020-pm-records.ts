import type { Migration } from '../migrations.js';

export const migration020: Migration = {
  id: 20,
  name: 'what the PM records on the deal card: the accomplish ending, the kickoff held, the confirmed remorse type',
  sql: `
      CREATE TABLE pm_records (
        deal_id text NOT NULL,
        kind text NOT NULL,
        value text NOT NULL,
        note text NOT NULL DEFAULT '',
        actor_user_id text NOT NULL,
        actor_email text,
        recorded_at bigint NOT NULL,
        PRIMARY KEY (deal_id, kind)
      );
    `,
};

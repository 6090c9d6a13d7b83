import type { Migration } from '../migrations.js';

export const migration021: Migration = {
  id: 21,
  name: 'the segment first100 last computed for each company, so a segment\'s action is planned when it changes',
  sql: `
      CREATE TABLE company_segments (
        company_id text PRIMARY KEY,
        segment text NOT NULL,
        since bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
};

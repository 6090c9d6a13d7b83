import type { Migration } from '../migrations.js';

export const migration025: Migration = {
  id: 25,
  name: 'HubSpot\'s owners as first100 last read them: the client page\'s team and "My onboardings" without a HubSpot call',
  sql: `
      CREATE TABLE hubspot_owners (
        owner_id text PRIMARY KEY,
        user_id text,
        email text,
        first_name text,
        last_name text,
        archived boolean NOT NULL DEFAULT false,
        fetched_at bigint NOT NULL
      );
      CREATE INDEX hubspot_owners_user ON hubspot_owners (user_id) WHERE user_id IS NOT NULL;
    `,
};

import type { Migration } from '../migrations.js';

/**
 * The names the cards show, as first100 last read them from HubSpot when a deal entered a phase: the cards answer
 * from the store and never wait on HubSpot for them.
 */
export const migration011: Migration = {
  id: 11,
  name: 'deal and company names for the cards',
  sql: `
      ALTER TABLE deal_onboarding ADD COLUMN deal_name text;

      CREATE TABLE company_names (
        company_id text PRIMARY KEY,
        name text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
};

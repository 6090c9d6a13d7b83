import type { Migration } from '../migrations.js';

export const migration007: Migration = {
  id: 7,
  name: 'the company of each onboarding deal, for company health and segment',
  sql: `
      ALTER TABLE deal_onboarding ADD COLUMN company_id text;
      CREATE INDEX deal_onboarding_by_company ON deal_onboarding (company_id) WHERE company_id IS NOT NULL;
    `,
};

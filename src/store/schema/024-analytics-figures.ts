import type { Migration } from '../migrations.js';

/**
 * analytics_figures: the analytics page's figures per range (30, 90, 365 days) as last computed, so a page view reads
 * one row instead of aggregating every phase entry and task. `computed_at` is the moment they are as of (the page
 * says it). `lease_until`/`lease_token`: the process recomputing them now, so replicas on one PostgreSQL do not all
 * recompute at once; a lease left by a process that died expires.
 */
export const migration024: Migration = {
  id: 24,
  name: 'analytics figures per range, computed and stored',
  sql: `
      CREATE TABLE analytics_figures (
        range_days int PRIMARY KEY,
        figures jsonb,
        timezone text,
        computed_at bigint,
        lease_until bigint,
        lease_token text
      );
    `,
};

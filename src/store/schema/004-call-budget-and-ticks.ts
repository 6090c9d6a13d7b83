import type { Migration } from '../migrations.js';

export const migration004: Migration = {
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
};

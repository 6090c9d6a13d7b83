import type { Db } from './db.js';
import { migration001 } from './schema/001-onboarding.js';
import { migration002 } from './schema/002-handoffs.js';
import { migration004 } from './schema/004-call-budget-and-ticks.js';
import { migration005 } from './schema/005-feedback.js';
import { migration006 } from './schema/006-emails.js';
import { migration007 } from './schema/007-deal-company.js';
import { migration008 } from './schema/008-workflow-calls.js';
import { migration009 } from './schema/009-schedule-cursors.js';
import { migration010 } from './schema/010-privacy-deletions.js';
import { migration011 } from './schema/011-card-names.js';
import { migration012 } from './schema/012-no-planned-steps.js';
import { migration013 } from './schema/013-set-aside-events-and-request-fingerprints.js';
import { migration014 } from './schema/014-watch-start-and-last-contact.js';
import { migration015 } from './schema/015-client-page.js';
import { migration017 } from './schema/017-deal-health.js';
import { migration018 } from './schema/018-portfolio.js';
import { migration026 } from './schema/026-task-lookup.js';
import { migration019 } from './schema/019-team-ratings.js';
import { migration020 } from './schema/020-pm-records.js';
import { migration021 } from './schema/021-company-segments.js';
import { migration025 } from './schema/025-hubspot-owners.js';
import { migration024 } from './schema/024-analytics-figures.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Append only: a migration, once released, is never edited. One file each in schema/, applied in this order. */
const MIGRATIONS: Migration[] = [
  migration001,
  migration002,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration017,
  migration019,
  migration020,
  migration021,
  migration018,
  migration025,
  migration026,
  migration024,
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

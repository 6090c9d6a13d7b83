import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A PostgreSQL server for tests: .ci/run starts one; on a bare machine these tests skip and say why. */
export const POSTGRES_URL = process.env.FIRST100_TEST_DATABASE_URL;

export const POSTGRES_SKIP = POSTGRES_URL
  ? ''
  : ' [SKIPPED: no PostgreSQL — set FIRST100_TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/postgres (.ci/run does)]';

if (!POSTGRES_URL && process.env.FIRST100_CI) {
  throw new Error('CI must run the PostgreSQL tests: FIRST100_TEST_DATABASE_URL is not set (.ci/run starts PostgreSQL and sets it)');
}

/** A new empty database on the test server; `drop` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `first100_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

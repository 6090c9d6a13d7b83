import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_KINDS, SURVEY_SCALES } from '../../src/domain/feedback-scoring.js';
import { openDb, type Db } from '../../src/store/db.js';
import { HEALTH_COLUMNS, HEALTH_TONE_SQL, HEALTH_VALUE_SQL, toHealth, type HealthRow } from '../../src/store/onboarding-health.js';
import { freshDataDir } from '../support/start-server.js';

let db: Db;
let dir: string;
beforeAll(async () => {
  dir = await freshDataDir();
  db = await openDb({ dataDir: dir });
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the health the store ranks by is the health the pages show', () => {
  it('agrees with toHealth on every answer of every scale, silent or not, and on no answer at all', async () => {
    const cases: { feedback: unknown; silent: number | null }[] = [];
    for (const kind of SURVEY_KINDS) {
      for (let score = SURVEY_SCALES[kind].min; score <= SURVEY_SCALES[kind].max; score++) {
        for (const silent of [null, 1_700_000_000_000]) cases.push({ feedback: { requestId: '1', kind, score, touchpoint: 't', at: 1 }, silent });
      }
    }
    cases.push({ feedback: null, silent: null }, { feedback: null, silent: 1_700_000_000_000 });
    let id = 0;
    for (const c of cases) {
      id += 1;
      await db.query('INSERT INTO deal_onboarding (deal_id, phase, silent_since, last_feedback) VALUES ($1, $2, $3, $4::jsonb)', [
        `h${id}`, 'activate', c.silent, c.feedback === null ? null : JSON.stringify(c.feedback),
      ]);
    }
    const rows = await db.query<HealthRow & { deal_id: string; health_value: string }>(
      `SELECT deal_id, ${HEALTH_COLUMNS}, ${HEALTH_VALUE_SQL} AS health_value
         FROM (SELECT *, ${HEALTH_TONE_SQL} AS health_tone FROM deal_onboarding WHERE deal_id LIKE 'h%') d`,
    );
    expect(rows).toHaveLength(cases.length);
    for (const r of rows) expect([r.deal_id, r.health_value]).toEqual([r.deal_id, toHealth(r).value]);
    expect(new Set(rows.map((r) => r.health_value))).toEqual(new Set(['at_risk', 'silent', 'needs_attention', 'on_track']));
  });
});

import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_KINDS, SURVEY_SCALES } from '../../src/domain/feedback-scoring.js';
import { openDb, type Db } from '../../src/store/db.js';
import { COMPUTED_COLUMNS, HEALTH_COLUMNS, HEALTH_JOIN, HEALTH_TONE_SQL, HEALTH_VALUE_SQL, toHealth, type HealthRow } from '../../src/store/onboarding-health.js';
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
         FROM (SELECT d.*, ${COMPUTED_COLUMNS}, ${HEALTH_TONE_SQL} AS health_tone FROM deal_onboarding d ${HEALTH_JOIN} WHERE d.deal_id LIKE 'h%') d`,
    );
    expect(rows).toHaveLength(cases.length);
    for (const r of rows) expect([r.deal_id, r.health_value]).toEqual([r.deal_id, toHealth(r).value]);
    expect(new Set(rows.map((r) => r.health_value))).toEqual(new Set(['at_risk', 'silent', 'needs_attention', 'on_track']));
  });

  it('takes the computed health, with its reasons, go-live and slip, once the recomputation stored it', async () => {
    await db.query(`INSERT INTO deal_onboarding (deal_id, phase, last_feedback) VALUES ('c1', 'activate', '{"kind": "NPS", "score": 10, "at": 1}'::jsonb)`);
    await db.query(
      `INSERT INTO deal_health (deal_id, health, reasons, phase, overdue_tasks, projected_go_live, slip_business_days, computed_at)
       VALUES ('c1', 'behind', '[{"kind": "overdue-tasks", "open": 2, "due": 3, "tasks": []}]'::jsonb, 'activate', 2, '2027-02-01', 4, 0)`,
    );
    const [row] = await db.query<HealthRow & { health_value: string }>(
      `SELECT ${HEALTH_COLUMNS}, ${HEALTH_VALUE_SQL} AS health_value
         FROM (SELECT d.*, ${COMPUTED_COLUMNS}, ${HEALTH_TONE_SQL} AS health_tone FROM deal_onboarding d ${HEALTH_JOIN} WHERE d.deal_id = 'c1') d`,
    );
    expect(row!.health_value).toBe('behind');
    expect(toHealth(row!)).toEqual({ value: 'behind', reasons: [{ kind: 'overdue-tasks', open: 2, due: 3, tasks: [] }], overdueTasks: 2, projectedGoLive: '2027-02-01', slipBusinessDays: 4 });
  });
});

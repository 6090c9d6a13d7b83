import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { openDb, type Db } from '../../src/store/db.js';
import { forgetDealHealth, readDealHealth } from '../../src/store/deal-health-store.js';
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

describe('deal_health', () => {
  it('reads the computed health of many deals in one query, and forgets a lost deal', async () => {
    const reasons = [{ kind: 'over-expected', phase: 'activate', businessDaysInPhase: 12, expectedBusinessDays: 10, overBy: 2 }];
    await db.query(
      `INSERT INTO deal_health (deal_id, health, reasons, reasons_text, phase, business_days_in_phase, expected_business_days, due_tasks, overdue_tasks,
         planned_go_live, projected_go_live, slip_business_days, computed_at)
       VALUES ('42', 'stuck', $1::jsonb, 'Activate: 2 business days over the expected 10', 'activate', 12, 10, 3, 0, '2027-02-01', '2027-02-03', 2, 1000)`,
      [JSON.stringify(reasons)],
    );
    const read = await readDealHealth(db, ['42', '43']);
    expect([...read.keys()]).toEqual(['42']);
    expect(read.get('42')).toEqual({
      dealId: '42', health: 'stuck', reasons, reasonsText: 'Activate: 2 business days over the expected 10', phase: 'activate',
      businessDaysInPhase: 12, expectedBusinessDays: 10, dueTasks: 3, overdueTasks: 0,
      plannedGoLive: '2027-02-01', projectedGoLive: '2027-02-03', slipBusinessDays: 2, computedAt: 1000,
    });
    await forgetDealHealth(db, '42');
    expect((await readDealHealth(db, ['42'])).size).toBe(0);
  });
});

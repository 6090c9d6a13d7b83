import type { Queryable } from './db.js';
import { HELD_KINDS } from './step-kinds.js';

export async function readPausedAt(db: Queryable, dealId: string): Promise<number | null> {
  const [row] = await db.query<{ paused_at: string | number | null }>('SELECT paused_at FROM deal_onboarding WHERE deal_id = $1', [dealId]);
  return row?.paused_at === null || row?.paused_at === undefined ? null : Number(row.paused_at);
}

/** Marks the deal paused from `now` (an earlier pause keeps its start). Returns whether it was already paused. */
export async function pauseDeal(tx: Queryable, dealId: string, now: number): Promise<boolean> {
  const before = await readPausedAt(tx, dealId);
  if (before !== null) return true;
  await tx.query('UPDATE deal_onboarding SET paused_at = $2, updated_at = now() WHERE deal_id = $1', [dealId, now]);
  return false;
}

/**
 * Ends a pause: each held step moves later by the time it was held (from the pause, or from its phase entry when
 * that came during the pause), so the plan keeps its rhythm; task due dates move with it. Returns how many moved,
 * or null when the deal was not paused.
 */
export async function resumeDeal(tx: Queryable, dealId: string, now: number): Promise<number | null> {
  const pausedAt = await readPausedAt(tx, dealId);
  if (pausedAt === null) return null;
  const shifted = await tx.query(
    `UPDATE steps s
        SET run_at = s.run_at + x.shift,
            due_at = s.due_at + x.shift,
            payload = CASE WHEN s.kind = 'task'
                           THEN jsonb_set(s.payload, '{task,dueAt}', to_jsonb((s.payload->'task'->>'dueAt')::bigint + x.shift))
                           ELSE s.payload END,
            updated_at = now()
       FROM (SELECT st.id, GREATEST(0, $2::bigint - GREATEST($3::bigint, COALESCE(pe.entered_at, $3::bigint))) AS shift
               FROM steps st LEFT JOIN phase_entries pe ON pe.id = st.entry_id
              WHERE st.deal_id = $1 AND st.status = 'pending' AND st.kind = ANY($4::text[])) x
      WHERE s.id = x.id AND x.shift > 0
      RETURNING s.id`,
    [dealId, now, pausedAt, HELD_KINDS],
  );
  await tx.query('UPDATE deal_onboarding SET paused_at = NULL, updated_at = now() WHERE deal_id = $1', [dealId]);
  return shifted.length;
}

/** The deal's steps a pause holds (or would hold): not started yet, of the held kinds. */
export async function countHeldSteps(db: Queryable, dealId: string): Promise<number> {
  const [row] = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM steps WHERE deal_id = $1 AND status = 'pending' AND kind = ANY($2::text[])`,
    [dealId, HELD_KINDS],
  );
  return Number(row?.n ?? 0);
}

import { newHandoff, type Handoff, type HandoffEvent } from '../domain/handoff.js';
import type { Queryable } from './db.js';

/** Reads a deal's handoff and holds its row until the transaction ends, so two reviewers never overwrite each other. */
export async function lockHandoff(tx: Queryable, dealId: string): Promise<Handoff> {
  const fresh = newHandoff();
  await tx.query(`INSERT INTO handoffs (deal_id, status, state) VALUES ($1, $2, $3::jsonb) ON CONFLICT (deal_id) DO NOTHING`, [
    dealId,
    fresh.status,
    JSON.stringify(fresh),
  ]);
  const [row] = await tx.query<{ state: Handoff }>('SELECT state FROM handoffs WHERE deal_id = $1 FOR UPDATE', [dealId]);
  return withAllItems(row!.state);
}

export async function saveHandoff(tx: Queryable, dealId: string, h: Handoff): Promise<void> {
  await tx.query(`UPDATE handoffs SET status = $2, state = $3::jsonb, updated_at = now() WHERE deal_id = $1`, [dealId, h.status, JSON.stringify(h)]);
}

export async function readHandoff(db: Queryable, dealId: string): Promise<Handoff> {
  const [row] = await db.query<{ state: Handoff }>('SELECT state FROM handoffs WHERE deal_id = $1', [dealId]);
  return row ? withAllItems(row.state) : newHandoff();
}

export async function isHandoffAccepted(db: Queryable, dealId: string): Promise<boolean> {
  const [row] = await db.query<{ status: string }>('SELECT status FROM handoffs WHERE deal_id = $1', [dealId]);
  return row?.status === 'accepted';
}

export interface HandoffEventRecord extends HandoffEvent {
  at: number;
  actorUserId: string;
  actorEmail: string | null;
}

export async function insertHandoffEvent(tx: Queryable, dealId: string, e: HandoffEventRecord): Promise<string> {
  const [row] = await tx.query<{ id: string | number }>(
    `INSERT INTO handoff_events (deal_id, at, actor_user_id, actor_email, action, items, comment)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id`,
    [dealId, e.at, e.actorUserId, e.actorEmail, e.action, JSON.stringify(e.items), e.text],
  );
  return String(row!.id);
}

/** The latest events first: who did what and when. */
export async function readHandoffEvents(db: Queryable, dealId: string, limit: number): Promise<HandoffEventRecord[]> {
  const rows = await db.query<{ at: string | number; actor_user_id: string; actor_email: string | null; action: HandoffEvent['action']; items: HandoffEvent['items']; comment: string | null }>(
    'SELECT at, actor_user_id, actor_email, action, items, comment FROM handoff_events WHERE deal_id = $1 ORDER BY at DESC, id DESC LIMIT $2',
    [dealId, limit],
  );
  return rows.map((r) => ({ at: Number(r.at), actorUserId: r.actor_user_id, actorEmail: r.actor_email, action: r.action, items: r.items, text: r.comment }));
}

/** A checklist saved before an item was added to the list gets that item, empty. */
function withAllItems(stored: Handoff): Handoff {
  const fresh = newHandoff();
  return { ...stored, items: { ...fresh.items, ...stored.items } };
}

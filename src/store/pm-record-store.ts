import type { PmRecord, PmRecordKind } from '../domain/pm-records.js';
import type { Queryable } from './db.js';

export interface StoredPmRecord {
  kind: PmRecordKind;
  value: string;
  note: string;
  actorUserId: string;
  actorEmail: string | null;
  recordedAt: number;
}

/** One record per kind and deal: a correction replaces the earlier one (the timeline note keeps the history). */
export async function savePmRecord(tx: Queryable, dealId: string, record: PmRecord, actor: { userId: string; userEmail: string | null }, at: number): Promise<void> {
  await tx.query(
    `INSERT INTO pm_records (deal_id, kind, value, note, actor_user_id, actor_email, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (deal_id, kind) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note, actor_user_id = EXCLUDED.actor_user_id,
       actor_email = EXCLUDED.actor_email, recorded_at = EXCLUDED.recorded_at`,
    [dealId, record.kind, record.value, record.note, actor.userId, actor.userEmail, at],
  );
}

export async function readPmRecords(db: Queryable, dealId: string): Promise<Partial<Record<PmRecordKind, StoredPmRecord>>> {
  const rows = await db.query<{ kind: PmRecordKind; value: string; note: string; actor_user_id: string; actor_email: string | null; recorded_at: string | number }>(
    'SELECT kind, value, note, actor_user_id, actor_email, recorded_at FROM pm_records WHERE deal_id = $1',
    [dealId],
  );
  return Object.fromEntries(
    rows.map((r) => [r.kind, { kind: r.kind, value: r.value, note: r.note, actorUserId: r.actor_user_id, actorEmail: r.actor_email, recordedAt: Number(r.recorded_at) }]),
  );
}

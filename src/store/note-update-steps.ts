import type { Queryable } from './db.js';

/**
 * A `note-update` step: brings a note first100 created (the `note` step `noteKey`) to the latest text. One per note,
 * re-armed by every revision, so a text changed ten times before the worker runs is written once.
 */
export interface NoteUpdatePayload {
  /** The effect key of the note step whose HubSpot note this updates. */
  noteKey: string;
  /** That note's marker, kept in the updated body. */
  marker: string;
  /** The latest text (HTML). */
  body: string;
  /** Which revision this text is: a step finished on an older one runs again. */
  revision: number;
}

export interface RevisedNote {
  noteKey: string;
  updateKey: string;
  dealId: string;
  marker: string;
  body: string;
  revision: number;
  now: number;
}

/**
 * A new text for a note, inside the caller's transaction. While the note is not sent, its step carries the new text;
 * once sent or under way, the note's update step does (inserted, or re-armed with the new text). The note step's row
 * is locked, so the worker claims it either before (then it is updated) or after (then it is sent with the new text).
 * Returns what was done; `none` when the note will never exist (its step was cancelled or failed).
 */
export async function reviseNote(tx: Queryable, n: RevisedNote): Promise<'rewritten' | 'update' | 'none' | 'missing'> {
  const [note] = await tx.query<{ status: string }>('SELECT status FROM steps WHERE effect_key = $1 FOR UPDATE', [n.noteKey]);
  if (!note) return 'missing';
  if (note.status === 'cancelled' || note.status === 'failed') return 'none';
  if (note.status === 'pending') {
    await tx.query(`UPDATE steps SET payload = jsonb_set(payload, '{note,body}', to_jsonb($2::text)), updated_at = now() WHERE effect_key = $1`, [n.noteKey, n.body]);
    return 'rewritten';
  }
  const payload: NoteUpdatePayload = { noteKey: n.noteKey, marker: n.marker, body: n.body, revision: n.revision };
  // A step under way keeps its lease: when it finishes on the older revision it is set pending again (settleNoteUpdates).
  await tx.query(
    `INSERT INTO steps (effect_key, entry_id, deal_id, kind, step_id, due_at, run_at, status, payload)
     VALUES ($1, NULL, $2, 'note-update', 'note-update', $3, $3, 'pending', $4::jsonb)
     ON CONFLICT (effect_key) DO UPDATE
        SET payload = EXCLUDED.payload, attempts = 0, last_error = NULL, updated_at = now(),
            status = CASE WHEN steps.status = 'sending' THEN 'sending' ELSE 'pending' END,
            run_at = CASE WHEN steps.status = 'sending' THEN steps.run_at ELSE EXCLUDED.run_at END`,
    [n.updateKey, n.dealId, n.now, JSON.stringify(payload)],
  );
  return 'update';
}

/** The state of the notes some update steps point at: the note step's status and HubSpot's note id. */
export async function readNoteSteps(db: Queryable, noteKeys: string[]): Promise<Map<string, { status: string; hubspotId: string | null }>> {
  if (noteKeys.length === 0) return new Map();
  const rows = await db.query<{ effect_key: string; status: string; hubspot_id: string | null }>(
    `SELECT effect_key, status, hubspot_id FROM steps WHERE effect_key = ANY($1::text[]) AND kind = 'note'`,
    [noteKeys],
  );
  return new Map(rows.map((r) => [r.effect_key, { status: r.status, hubspotId: r.hubspot_id }]));
}

/** Marks update steps done, unless a newer revision arrived while they ran: those run again at once. */
export async function settleNoteUpdates(db: Queryable, done: { id: string; revision: number; noteId: string }[], now: number): Promise<void> {
  if (done.length === 0) return;
  await db.query(
    `UPDATE steps s SET status = CASE WHEN (s.payload->>'revision')::int = x.revision THEN 'done' ELSE 'pending' END,
            hubspot_id = x.note_id, run_at = $2, locked_until = NULL, last_error = NULL, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, revision int, note_id text)
      WHERE s.id = x.id`,
    [JSON.stringify(done.map((d) => ({ id: d.id, revision: d.revision, note_id: d.noteId }))), now],
  );
}

/** Puts claimed steps back to wait for something else (their note's creation) without spending an attempt. */
export async function deferSteps(db: Queryable, ids: string[], runAt: number): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE steps SET status = 'pending', attempts = GREATEST(attempts - 1, 0), run_at = $2, locked_until = NULL, updated_at = now()
      WHERE id = ANY($1::bigint[])`,
    [ids, runAt],
  );
}

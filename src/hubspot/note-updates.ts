import { readBatchAnswer, type BatchAnswer, type BatchBody } from './batch-answer.js';
import type { HubSpotRequest } from './hubspot-http.js';
import { MAX_BATCH } from './hubspot-port.js';
import { noteBody } from './notes.js';

/** New text for a note first100 created: HubSpot's note id, and the marker the note keeps. */
export interface NoteUpdate {
  noteId: string;
  marker: string;
  /** HTML, as hs_note_body takes it (the marker is added). */
  body: string;
}

/**
 * Replaces the body of notes first100 created: one `POST /crm/v3/objects/notes/batch/update` of ≤100 inputs
 * (BatchInputSimplePublicObjectBatchInput, `{inputs: [{id, properties}]}`), read per note id (200, or 207 with
 * `errors[]`). Setting the same body twice is harmless: an update is never in doubt.
 */
export async function updateNotes(request: HubSpotRequest, updates: NoteUpdate[]): Promise<BatchAnswer> {
  if (updates.length > MAX_BATCH) throw new Error(`at most ${MAX_BATCH} notes per batch call`);
  const body = await request<BatchBody>('POST', '/crm/v3/objects/notes/batch/update', {
    inputs: updates.map((u) => ({ id: u.noteId, properties: { hs_note_body: noteBody(u.body, u.marker) } })),
  });
  return readBatchAnswer(body, updates.map((u) => u.noteId), (result) => String(result.id));
}

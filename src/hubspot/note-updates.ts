import type { HubSpotRequest } from './hubspot-http.js';
import { chunk } from './hubspot-port.js';
import { noteBody } from './notes.js';

/** New text for a note first100 created: HubSpot's note id, and the marker the note keeps. */
export interface NoteUpdate {
  noteId: string;
  marker: string;
  /** HTML, as hs_note_body takes it (the marker is added). */
  body: string;
}

export interface UpdatedNotes {
  /** Ids of the notes HubSpot returned as updated. */
  updated: Set<string>;
  /** Set when HubSpot answered 207: why it refused the notes it did not return. */
  refused?: string;
}

interface BatchAnswer {
  results?: { id: string }[];
  errors?: { message?: string; category?: string }[];
}

/**
 * Replaces the body of notes first100 created (`POST /crm/v3/objects/notes/batch/update`, ≤100 per call;
 * BatchInputSimplePublicObjectBatchInput: `{inputs: [{id, properties}]}`, answered 200, or 207 with `errors[]`).
 * Setting the same body twice is harmless: an update is never in doubt.
 */
export async function updateNotes(request: HubSpotRequest, updates: NoteUpdate[]): Promise<UpdatedNotes> {
  const updated = new Set<string>();
  const refusals: string[] = [];
  for (const part of chunk(updates)) {
    const answer = await request<BatchAnswer>('POST', '/crm/v3/objects/notes/batch/update', {
      inputs: part.map((u) => ({ id: u.noteId, properties: { hs_note_body: noteBody(u.body, u.marker) } })),
    });
    for (const note of answer?.results ?? []) updated.add(String(note.id));
    for (const error of answer?.errors ?? []) refusals.push(`${error.category ?? 'ERROR'}: ${error.message ?? 'no message'}`);
  }
  return refusals.length > 0 ? { updated, refused: `HubSpot refused some note updates (207): ${refusals.join('; ')}` } : { updated };
}

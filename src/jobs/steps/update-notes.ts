import { HubSpotError } from '../../hubspot/hubspot-error.js';
import { chunk } from '../../hubspot/hubspot-port.js';
import type { NoteUpdate } from '../../hubspot/note-updates.js';
import { deferSteps, readNoteSteps, settleNoteUpdates, type NoteUpdatePayload } from '../../store/note-update-steps.js';
import { IN_DOUBT_SETTLE_MS, retrySteps, type ClaimedStep } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { fail } from './step-failure.js';

/**
 * Runs `note-update` steps: writes the latest text into notes first100 created, in batch calls. A step whose note is
 * not created yet waits for it (without spending an attempt); one whose note will never exist fails, saying why.
 * An update is never in doubt (writing the same body twice is harmless): no marker look-up, a retry just writes again.
 */
export async function updateNotes(engine: Engine, steps: ClaimedStep[]): Promise<void> {
  if (steps.length === 0) return;
  const notes = await readNoteSteps(engine.db, steps.map((s) => payloadOf(s).noteKey));
  const ready: { step: ClaimedStep; update: NoteUpdate }[] = [];
  const waiting: ClaimedStep[] = [];
  const orphaned: ClaimedStep[] = [];
  for (const step of steps) {
    const p = payloadOf(step);
    const note = notes.get(p.noteKey);
    if (note?.status === 'done' && note.hubspotId) ready.push({ step, update: { noteId: note.hubspotId, marker: p.marker, body: p.body } });
    else if (note && (note.status === 'pending' || note.status === 'sending')) waiting.push(step);
    else orphaned.push(step);
  }
  await deferSteps(engine.db, waiting.map((s) => s.id), engine.clock() + IN_DOUBT_SETTLE_MS);
  await retrySteps(engine.db, orphaned, { error: 'the note this would update was never created in HubSpot (its step failed or was cancelled)', now: engine.clock(), maxAttempts: 0, inDoubt: false });
  for (const part of chunk(ready)) {
    try {
      const { updated, refused } = await engine.hubspot.updateNotes(part.map((r) => r.update));
      const done = part.filter((r) => updated.has(r.update.noteId));
      await settleNoteUpdates(engine.db, done.map((r) => ({ id: r.step.id, revision: payloadOf(r.step).revision, noteId: r.update.noteId })), engine.clock());
      const missing = part.filter((r) => !updated.has(r.update.noteId)).map((r) => r.step);
      if (missing.length > 0) await fail(engine, missing, new HubSpotError('UNEXPECTED', refused ?? 'HubSpot did not return these notes as updated'), false);
    } catch (error) {
      await fail(engine, part.map((r) => r.step), error, false);
    }
  }
}

function payloadOf(step: ClaimedStep): NoteUpdatePayload {
  return step.payload as unknown as NoteUpdatePayload;
}

import type { NoteUpdate } from '../../hubspot/note-updates.js';
import { deferSteps, readNoteSteps, settleNoteUpdates } from '../../store/note-update-steps.js';
import type { ClaimedStepOf } from '../../store/step-kinds.js';
import { IN_DOUBT_SETTLE_MS } from '../../store/claim.js';
import { retrySteps } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { refusal } from '../retry-policy.js';
import { runHubSpotWrites } from './hubspot-writes.js';
import { settleSteps, single, type StepUnit } from './step-writes.js';

type Unit = StepUnit<'note-update', NoteUpdate>;

/**
 * Runs `note-update` steps through the one executor of HubSpot writes, keyed by HubSpot's note id. A step whose
 * note is not created yet waits for it (without spending an attempt); one whose note will never exist fails, saying
 * why. An update is never in doubt (writing the same body twice is harmless), and a step is done only on the
 * revision it wrote: a newer one that arrived meanwhile runs at once.
 */
export async function updateNotes(engine: Engine, steps: ClaimedStepOf<'note-update'>[]): Promise<void> {
  if (steps.length === 0) return;
  const notes = await readNoteSteps(engine.db, steps.map((s) => s.payload.noteKey));
  const ready: Unit[] = [];
  const waiting: ClaimedStepOf<'note-update'>[] = [];
  const orphaned: ClaimedStepOf<'note-update'>[] = [];
  for (const step of steps) {
    const note = notes.get(step.payload.noteKey);
    if (note?.status === 'done' && note.hubspotId) ready.push(single(step, note.hubspotId, { noteId: note.hubspotId, marker: step.payload.marker, body: step.payload.body }));
    else if (note && (note.status === 'pending' || note.status === 'sending')) waiting.push(step);
    else orphaned.push(step);
  }
  await deferSteps(engine.db, waiting.map((s) => s.id), engine.clock() + IN_DOUBT_SETTLE_MS);
  await retrySteps(engine.db, orphaned, refusal('the note this would update was never created in HubSpot (its step failed or was cancelled)'), engine.clock(), 0);
  const { later } = settleSteps<'note-update', NoteUpdate>(engine);
  await runHubSpotWrites<Unit>(
    engine,
    {
      what: 'note updates',
      write: (units) => engine.hubspot.updateNotes(units.map((u) => u.input)),
      done: (units) =>
        settleNoteUpdates(
          engine.db,
          units.flatMap(({ unit, hubspotId }) => unit.steps.map((s) => ({ id: s.id, revision: s.payload.revision, noteId: hubspotId }))),
          engine.clock(),
        ),
      later,
    },
    ready,
  );
}

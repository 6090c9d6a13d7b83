import { HubSpotError } from '../../hubspot/hubspot-error.js';
import { chunk, type NoteToCreate } from '../../hubspot/hubspot-port.js';
import { markStepsDone, type ClaimedStep } from '../../store/step-store.js';
import type { Engine } from '../engine.js';
import { fail } from './step-failure.js';

/** Writes notes on deals' timelines once each: an attempt left without an answer is settled by searching the deal's notes for its marker. */
export async function createNotes(engine: Engine, steps: ClaimedStep[]): Promise<void> {
  const fresh = await settleInDoubt(engine, steps);
  for (const part of chunk(fresh)) {
    try {
      const ids = await engine.hubspot.createNotes(part.map(noteOf));
      await markStepsDone(engine.db, part.filter((s) => ids.has(noteOf(s).marker)).map((s) => ({ id: s.id, hubspotId: ids.get(noteOf(s).marker) })));
      const unanswered = part.filter((s) => !ids.has(noteOf(s).marker));
      if (unanswered.length > 0) {
        await fail(engine, unanswered, new HubSpotError('UNEXPECTED', 'HubSpot did not return these notes in its answer', { inDoubt: true }));
      }
    } catch (error) {
      await fail(engine, part, error);
    }
  }
}

async function settleInDoubt(engine: Engine, steps: ClaimedStep[]): Promise<ClaimedStep[]> {
  const fresh = steps.filter((s) => !s.inDoubt);
  const byDeal = new Map<string, ClaimedStep[]>();
  for (const s of steps.filter((step) => step.inDoubt)) byDeal.set(s.dealId, [...(byDeal.get(s.dealId) ?? []), s]);
  for (const [dealId, doubtful] of byDeal) {
    try {
      const found = await engine.hubspot.findNotesByMarker(dealId, doubtful.map((s) => noteOf(s).marker));
      await markStepsDone(engine.db, doubtful.filter((s) => found.has(noteOf(s).marker)).map((s) => ({ id: s.id, hubspotId: found.get(noteOf(s).marker) })));
      fresh.push(...doubtful.filter((s) => !found.has(noteOf(s).marker)));
    } catch (error) {
      await fail(engine, doubtful, error, true);
    }
  }
  return fresh;
}

function noteOf(step: ClaimedStep): NoteToCreate {
  return (step.payload as { note: NoteToCreate }).note;
}

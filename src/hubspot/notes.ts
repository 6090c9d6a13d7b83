import { markerLine, type NoteToCreate } from './hubspot-port.js';
import type { MarkedObjectType } from './marked-objects.js';

// HubSpot-defined association type ids note → deal and note → company (HUBSPOT-FACTS §4.2).
const NOTE_TO_DEAL = 214;
const NOTE_TO_COMPANY = 190;

/** A note's hs_note_body: first100's HTML, then its marker, so a retry or an update finds and keeps it. */
export function noteBody(body: string, marker: string): string {
  return `${body}<p>${markerLine(marker)}</p>`;
}

export function noteInput(note: NoteToCreate) {
  return {
    properties: {
      hs_timestamp: new Date(note.timestamp).toISOString(),
      hs_note_body: noteBody(note.body, note.marker),
    },
    associations: [
      { to: { id: note.dealId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_DEAL }] },
      ...(note.companyId ? [{ to: { id: note.companyId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_COMPANY }] }] : []),
    ],
  };
}

export const NOTES: MarkedObjectType<NoteToCreate> = { objectType: 'notes', markerProperty: 'hs_note_body', markerOf: (n) => n.marker, input: noteInput };

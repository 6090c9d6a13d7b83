import type { HubSpotRequest } from './hubspot-http.js';
import { chunk, markerIn, markerLine, type NoteToCreate } from './hubspot-port.js';

// HubSpot-defined association type ids note → deal and note → company (HUBSPOT-FACTS §4.2).
const NOTE_TO_DEAL = 214;
const NOTE_TO_COMPANY = 190;

interface CreatedBatch {
  results: { id: string; properties: Record<string, string | null> }[];
}
interface SearchPage {
  results: { id: string; properties: Record<string, string | null> }[];
  paging?: { next?: { after: string } };
}

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

/** Batch-creates notes on deals' timelines (≤100 per call); maps each marker to HubSpot's note id. */
export async function createNotes(request: HubSpotRequest, notes: NoteToCreate[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const part of chunk(notes)) {
    const created = await request<CreatedBatch>('POST', '/crm/v3/objects/notes/batch/create', { inputs: part.map(noteInput) });
    for (const note of created.results ?? []) {
      const marker = markerIn(note.properties.hs_note_body);
      if (marker) ids.set(marker, note.id);
    }
  }
  return ids;
}

/** Notes on a deal that carry our markers: how a retry learns what an unanswered create did. */
export async function findNotesByMarker(request: HubSpotRequest, dealId: string, markers: string[]): Promise<Map<string, string>> {
  const wanted = new Set(markers);
  const found = new Map<string, string>();
  let after: string | undefined;
  do {
    const page: SearchPage = await request<SearchPage>('POST', '/crm/v3/objects/notes/search', {
      filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: 'EQ', value: dealId }] }],
      properties: ['hs_note_body'],
      limit: 200,
      ...(after ? { after } : {}),
    });
    for (const note of page.results ?? []) {
      const marker = markerIn(note.properties.hs_note_body);
      if (marker && wanted.has(marker)) found.set(marker, note.id);
    }
    after = page.paging?.next?.after;
  } while (after && found.size < wanted.size);
  return found;
}

import nock from 'nock';
import type { RecordedRequest } from './fake-hubspot.js';

interface FakeNote {
  id: string;
  properties: Record<string, string>;
}

/**
 * HubSpot's note batch update at the network boundary (nock), over the notes a fake HubSpot holds: replaces the
 * properties of each note it knows (200), and answers 207 with an error for ids it does not know, as HubSpot does.
 */
export function fakeNoteUpdates(notes: FakeNote[], record: (r: RecordedRequest) => void, base = 'https://api.hubapi.com') {
  const path = '/crm/v3/objects/notes/batch/update';
  const scope = nock(base)
    .persist()
    .post(path)
    .reply((_uri, body: any) => {
      record({ method: 'POST', path, body });
      const results: { id: string; properties: Record<string, string> }[] = [];
      const errors: { status: string; category: string; message: string; context: { ids: string[] } }[] = [];
      for (const input of body.inputs) {
        const note = notes.find((n) => n.id === input.id);
        if (!note) {
          errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Note ${input.id} does not exist`, context: { ids: [input.id] } });
          continue;
        }
        Object.assign(note.properties, input.properties);
        results.push({ id: note.id, properties: note.properties });
      }
      return errors.length > 0 ? [207, { status: 'COMPLETE', results, errors, numErrors: errors.length }] : [200, { status: 'COMPLETE', results }];
    });
  return { stop: () => scope.persist(false) };
}

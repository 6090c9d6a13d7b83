import type { DealSnapshot } from '../domain/deal.js';
import type { PropertyDefinition } from './first100-properties.js';
import type { BatchAnswer } from './batch-answer.js';
import type { NoteUpdate } from './note-updates.js';
import type { ContactForEmail, CrmObjectType, EmailToLog, HubSpotPort, NoteToCreate, Owner, Pipeline, PropertyOption, RecordUpdate, TaskToCreate } from './hubspot-port.js';

export type DryRunWrite =
  | { kind: 'create-task'; task: TaskToCreate; id: string }
  | { kind: 'close-task'; taskId: string }
  | { kind: 'update-deal'; update: RecordUpdate }
  | { kind: 'update-company'; update: RecordUpdate }
  | { kind: 'create-note'; note: NoteToCreate; id: string }
  | { kind: 'update-note'; update: NoteUpdate }
  | { kind: 'log-email'; email: EmailToLog; id: string }
  | { kind: 'create-property-group'; objectType: CrmObjectType; name: string }
  | { kind: 'create-properties'; objectType: CrmObjectType; definitions: PropertyDefinition[] }
  | { kind: 'update-property-options'; objectType: CrmObjectType; name: string; options: PropertyOption[] }
  | { kind: 'complete-callback'; callbackId: string; outputFields: Record<string, string> };

export interface DryRunAdapter extends HubSpotPort {
  /** Every write that would have been sent to HubSpot, in order. */
  readonly writes: DryRunWrite[];
}

/** HubSpot's default deal pipeline, as every new portal has it. */
export const DEFAULT_PIPELINE: Pipeline = {
  id: 'default',
  label: 'Sales Pipeline',
  stages: [
    ['appointmentscheduled', 'Appointment Scheduled', false, 0.2],
    ['qualifiedtobuy', 'Qualified To Buy', false, 0.4],
    ['presentationscheduled', 'Presentation Scheduled', false, 0.6],
    ['decisionmakerboughtin', 'Decision Maker Bought-In', false, 0.8],
    ['contractsent', 'Contract Sent', false, 0.9],
    ['closedwon', 'Closed Won', true, 1],
    ['closedlost', 'Closed Lost', true, 0],
  ].map(([id, label, isClosed, probability]) => ({ id, label, isClosed, probability }) as Pipeline['stages'][number]),
};

/**
 * Without an access token nothing reaches HubSpot: writes are recorded, and deals are the ones given
 * (sample data) or bare snapshots with only their id.
 */
export function createDryRunAdapter(
  known: DealSnapshot[] = [],
  pipelines: Pipeline[] = [DEFAULT_PIPELINE],
  knownContacts: ContactForEmail[] = [],
  knownOwners: Owner[] = [],
): DryRunAdapter {
  const owners = new Map(knownOwners.map((o) => [o.id, o]));
  const deals = new Map(known.map((d) => [d.id, d]));
  const contacts = new Map(knownContacts.map((c) => [c.id, c]));
  const writes: DryRunWrite[] = [];
  let nextId = 1;

  /** Records each create with a dry-run id; every input is applied. */
  function created(items: { marker: string; write: (id: string) => DryRunWrite }[]): BatchAnswer {
    const done = new Map<string, string>();
    for (const item of items) {
      const id = `dry-run-${nextId++}`;
      writes.push(item.write(id));
      done.set(item.marker, id);
    }
    return { done, refused: new Map() };
  }
  function findWritten(kind: 'create-task' | 'create-note' | 'log-email', markers: string[]): Map<string, string> {
    const wanted = new Set(markers);
    const found = new Map<string, string>();
    for (const w of writes) {
      const marker = w.kind === 'create-task' ? w.task.marker : w.kind === 'create-note' ? w.note.marker : w.kind === 'log-email' ? w.email.marker : undefined;
      if (w.kind === kind && marker && wanted.has(marker)) found.set(marker, w.id);
    }
    return found;
  }
  const applied = (updates: RecordUpdate[]): BatchAnswer => ({ done: new Map(updates.map((u) => [u.id, u.id])), refused: new Map() });

  return {
    dryRun: true,
    writes,
    async readDeals(ids) {
      return new Map(ids.map((id) => [id, deals.get(id) ?? bareDeal(id)]));
    },
    async createTasks(tasks) {
      return created(tasks.map((task) => ({ marker: task.marker, write: (id: string) => ({ kind: 'create-task', task, id }) })));
    },
    async findTasksByMarker(_dealId, markers) {
      return findWritten('create-task', markers);
    },
    async readTaskCompletions(taskIds) {
      // Only the tasks a dry run "closed" are known done; nobody completes the others.
      const closed = new Set(writes.flatMap((w) => (w.kind === 'close-task' ? [w.taskId] : [])));
      return new Map(taskIds.filter((id) => closed.has(id)).map((id) => [id, null]));
    },
    async closeTasks(taskIds) {
      for (const taskId of taskIds) writes.push({ kind: 'close-task', taskId });
      return { done: new Map(taskIds.map((id) => [id, id])), refused: new Map(), alreadyClosed: new Set() };
    },
    async readOwners(ids) {
      return new Map(ids.flatMap((id) => (owners.has(id) ? [[id, owners.get(id)!] as const] : [])));
    },
    async listOwners() {
      // Without a token the sample owners are the account's owners, all on one page.
      return { owners: [...owners.values()] };
    },
    async updateDeals(updates) {
      for (const update of updates) {
        writes.push({ kind: 'update-deal', update });
        // A PM set by first100 (a workflow's Start onboarding) is on the deal when it is read again, as in HubSpot.
        const known = deals.get(update.id);
        const pm = update.properties.first100_pm_owner;
        if (known && pm !== undefined) deals.set(update.id, { ...known, pmOwnerId: pm || null });
      }
      return applied(updates);
    },
    async updateCompanies(updates) {
      for (const update of updates) writes.push({ kind: 'update-company', update });
      return applied(updates);
    },
    async readPipelines() {
      return pipelines;
    },
    async createNotes(notes) {
      return created(notes.map((note) => ({ marker: note.marker, write: (id: string) => ({ kind: 'create-note', note, id }) })));
    },
    async findNotesByMarker(_dealId, markers) {
      return findWritten('create-note', markers);
    },
    async updateNotes(updates) {
      for (const update of updates) writes.push({ kind: 'update-note', update });
      return { done: new Map(updates.map((u) => [u.noteId, u.noteId])), refused: new Map() };
    },
    async readContacts(ids) {
      // Without HubSpot, only sample contacts have an address: the others are skipped, never invented.
      return new Map(ids.flatMap((id) => (contacts.has(id) ? [[id, contacts.get(id)!] as const] : [])));
    },
    async logEmails(emails) {
      return created(emails.map((email) => ({ marker: email.marker, write: (id: string) => ({ kind: 'log-email', email, id }) })));
    },
    async findEmailsByMarker(_dealId, markers) {
      return findWritten('log-email', markers);
    },
    async readObjects(objectType, ids) {
      // Only the demo's deals and their companies exist, with none of first100's properties set yet.
      const known = new Set(objectType === 'deals' ? deals.keys() : [...deals.values()].flatMap((d) => (d.company ? [d.company.id] : [])));
      return new Map(ids.filter((id) => known.has(id)).map((id) => [id, {}]));
    },
    async readProperties() {
      return [];
    },
    async readPropertyGroups() {
      return [];
    },
    async updatePropertyOptions(objectType, name, options) {
      writes.push({ kind: 'update-property-options', objectType, name, options });
    },
    async createPropertyGroup(objectType, group) {
      writes.push({ kind: 'create-property-group', objectType, name: group.name });
    },
    async createProperties(objectType, definitions) {
      writes.push({ kind: 'create-properties', objectType, definitions });
      return { created: definitions.map((d) => d.name), refused: [] };
    },
    async searchDealEngagements() {
      // No portal, no calls, meetings or client emails: only survey answers end a silence in a dry run.
      return [];
    },
    async searchDealsModifiedSince() {
      // Without a token there is no portal to search: webhooks (signed samples in the demo) are the only source.
      return { deals: [] };
    },
    async readTokenInfo() {
      return null;
    },
    async completeWorkflowCallback(callbackId, outputFields) {
      writes.push({ kind: 'complete-callback', callbackId, outputFields });
      return { closedBefore: false };
    },
    async readRecordQuickly(objectType, id) {
      // Without a token there is no portal to ask: the sample deals and their companies exist, the rest cannot be told.
      const sample = objectType === 'deals' ? deals.has(id) : [...deals.values()].some((d) => d.company?.id === id);
      return sample ? { kind: 'found', properties: {} } : { kind: 'unavailable', reason: 'dry-run: there is no HubSpot account to ask' };
    },
  };
}

function bareDeal(id: string): DealSnapshot {
  return { id, name: `Deal ${id}`, pipeline: null, ownerId: null, pmOwnerId: null, closeDate: null, company: null, contactIds: [] };
}

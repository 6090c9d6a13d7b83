import type { DealSnapshot } from '../domain/deal.js';
import type { PropertyDefinition } from './first100-properties.js';
import type { CompanyUpdate, ContactForEmail, CrmObjectType, DealUpdate, EmailToLog, HubSpotPort, NoteToCreate, Pipeline, TaskToCreate } from './hubspot-port.js';

export type DryRunWrite =
  | { kind: 'create-task'; task: TaskToCreate; id: string }
  | { kind: 'update-deal'; update: DealUpdate }
  | { kind: 'update-company'; update: CompanyUpdate }
  | { kind: 'create-note'; note: NoteToCreate; id: string }
  | { kind: 'log-email'; email: EmailToLog; id: string }
  | { kind: 'create-property-group'; objectType: CrmObjectType; name: string }
  | { kind: 'create-properties'; objectType: CrmObjectType; definitions: PropertyDefinition[] }
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
): DryRunAdapter {
  const deals = new Map(known.map((d) => [d.id, d]));
  const contacts = new Map(knownContacts.map((c) => [c.id, c]));
  const writes: DryRunWrite[] = [];
  let nextId = 1;
  return {
    dryRun: true,
    writes,
    async readDeals(ids) {
      return new Map(ids.map((id) => [id, deals.get(id) ?? bareDeal(id)]));
    },
    async createTasks(tasks) {
      const ids = new Map<string, string>();
      for (const task of tasks) {
        const id = `dry-run-${nextId++}`;
        writes.push({ kind: 'create-task', task, id });
        ids.set(task.marker, id);
      }
      return { ids };
    },
    async findTasksByMarker(_dealId, markers) {
      const wanted = new Set(markers);
      return new Map(
        writes.flatMap((w) => (w.kind === 'create-task' && wanted.has(w.task.marker) ? [[w.task.marker, w.id] as const] : [])),
      );
    },
    async updateDeals(updates) {
      for (const update of updates) {
        writes.push({ kind: 'update-deal', update });
        // A PM set by first100 (a workflow's Start onboarding) is on the deal when it is read again, as in HubSpot.
        const known = deals.get(update.id);
        const pm = update.properties.first100_pm_owner;
        if (known && pm !== undefined) deals.set(update.id, { ...known, pmOwnerId: pm || null });
      }
    },
    async updateCompanies(updates) {
      for (const update of updates) writes.push({ kind: 'update-company', update });
    },
    async readPipelines() {
      return pipelines;
    },
    async createNotes(notes) {
      const ids = new Map<string, string>();
      for (const note of notes) {
        const id = `dry-run-${nextId++}`;
        writes.push({ kind: 'create-note', note, id });
        ids.set(note.marker, id);
      }
      return ids;
    },
    async findNotesByMarker(_dealId, markers) {
      const wanted = new Set(markers);
      return new Map(
        writes.flatMap((w) => (w.kind === 'create-note' && wanted.has(w.note.marker) ? [[w.note.marker, w.id] as const] : [])),
      );
    },
    async readContacts(ids) {
      // Without HubSpot, only sample contacts have an address: the others are skipped, never invented.
      return new Map(ids.flatMap((id) => (contacts.has(id) ? [[id, contacts.get(id)!] as const] : [])));
    },
    async logEmails(emails) {
      const ids = new Map<string, string>();
      for (const email of emails) {
        const id = `dry-run-${nextId++}`;
        writes.push({ kind: 'log-email', email, id });
        ids.set(email.marker, id);
      }
      return ids;
    },
    async findEmailsByMarker(_dealId, markers) {
      const wanted = new Set(markers);
      return new Map(writes.flatMap((w) => (w.kind === 'log-email' && wanted.has(w.email.marker) ? [[w.email.marker, w.id] as const] : [])));
    },
    async readObjects(objectType, ids) {
      // Only the demo's deals and their companies exist, with none of first100's properties set yet.
      const known = new Set(objectType === 'deals' ? deals.keys() : [...deals.values()].flatMap((d) => (d.company ? [d.company.id] : [])));
      return new Map(ids.filter((id) => known.has(id)).map((id) => [id, {}]));
    },
    async readAssociatedIds(from, id, to, max) {
      if (from !== 'companies' || to !== 'deals') return [];
      return [...deals.values()].filter((d) => d.company?.id === id).map((d) => d.id).slice(0, max);
    },
    async readProperties() {
      return [];
    },
    async readPropertyGroups() {
      return [];
    },
    async createPropertyGroup(objectType, group) {
      writes.push({ kind: 'create-property-group', objectType, name: group.name });
    },
    async createProperties(objectType, definitions) {
      writes.push({ kind: 'create-properties', objectType, definitions });
      return { created: definitions.map((d) => d.name), refused: [] };
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
    },
  };
}

function bareDeal(id: string): DealSnapshot {
  return { id, name: `Deal ${id}`, pipeline: null, ownerId: null, pmOwnerId: null, closeDate: null, company: null, contactIds: [] };
}

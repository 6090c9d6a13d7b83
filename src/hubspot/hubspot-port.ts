import type { DealEngagement } from '../domain/client-contact.js';
import type { DealSnapshot } from '../domain/deal.js';
import type { BatchAnswer } from './batch-answer.js';
import type { EngagementQuery } from './deal-engagements.js';
import type { NoteUpdate } from './note-updates.js';
import type { PropertyDefinition } from './first100-properties.js';
import type { QuickRead } from './quick-read.js';
import type { ClosedTasks } from './tasks.js';
import type { CallbackCompletion } from './workflow-callbacks.js';

export interface TaskToCreate {
  /** Our effect key's short hash, written into the task so a retry can find it in HubSpot. */
  marker: string;
  dealId: string;
  companyId: string | null;
  contactIds: string[];
  ownerId: string | null;
  subject: string;
  body: string;
  dueAt: number;
  priority: 'LOW' | 'MEDIUM' | 'HIGH';
  type: 'TODO' | 'CALL' | 'EMAIL';
}

/** New property values for one deal or company. */
export interface RecordUpdate {
  id: string;
  properties: Record<string, string>;
}

export interface Pipeline {
  id: string;
  label: string;
  stages: { id: string; label: string; isClosed: boolean; probability: number | null }[];
}

export interface NoteToCreate {
  /** Our effect key's short hash, written into the note so a retry can find it in HubSpot. */
  marker: string;
  dealId: string;
  /** Also on this company's timeline (a client's answer concerns the whole account). */
  companyId?: string | null;
  /** HTML, as hs_note_body takes it. */
  body: string;
  timestamp: number;
}

/** What sending an email needs of a contact, read at send time and never stored by first100. */
export interface ContactForEmail {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** HubSpot's `hs_language`, e.g. "it" or "en-gb"; null when unset. */
  language: string | null;
}

/** An email first100 sent, logged as an email engagement on the deal, the contact and the company. */
export interface EmailToLog {
  /** Our key's short hash, written into the logged text so a retry can find it in HubSpot. */
  marker: string;
  dealId: string;
  companyId: string | null;
  contactId: string;
  sentAt: number;
  subject: string;
  html: string;
  text: string;
  from: { email: string; name?: string };
  to: { email: string; firstName?: string; lastName?: string };
}

export type CrmObjectType = 'deals' | 'companies';

export interface ExistingProperty {
  name: string;
  type: string;
  fieldType: string;
  groupName: string;
  /** An enumeration's options, as HubSpot lists them. */
  options?: PropertyOption[];
}

/** One option of an enumeration property (HubSpot's OptionInput). */
export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

export interface DealSearchQuery {
  /** Epoch ms: deals whose `hs_lastmodifieddate` is at or after it. */
  since: number;
  properties: string[];
  /** At most 100 here: one page's work is recorded before the next page is asked for. */
  limit: number;
  /** HubSpot's paging token from the previous page. */
  after?: string;
}

export interface DealSearchPage {
  deals: { id: string; properties: Record<string, string | null> }[];
  /** Absent on the last page. */
  after?: string;
}

export interface PropertyCreation {
  created: string[];
  refused: { name: string; message: string }[];
}

export interface TokenInfo {
  hubId: string;
  scopes: string[];
}

/** What first100 needs from HubSpot. The real adapter calls the API; the dry-run one records. */
/** A HubSpot owner (a user who can own records), as an email names them to a client. */
export interface Owner {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The HubSpot user behind the owner (what hubspot.fetch signs as `userId`); absent for a team or queue owner. */
  userId?: string | null;
  /** HubSpot no longer lists the owner as active (a user removed from the account). */
  archived?: boolean;
}

/** One page of HubSpot's owners list. */
export interface OwnerPage {
  owners: Owner[];
  /** HubSpot's paging token for the next page; absent on the last page. */
  after?: string;
}

export interface HubSpotPort {
  readonly dryRun: boolean;
  /** Deals with their primary company and contacts; ids HubSpot does not know are absent from the map. */
  readDeals(ids: string[]): Promise<Map<string, DealSnapshot>>;
  /*
   * Writes are one batch call of at most 100 inputs, answered per input (BatchAnswer): the step executor
   * (src/jobs/steps/hubspot-writes.ts) chunks, settles each input and finds the bad one in a refused batch.
   * A create that fails with a 5xx or no answer throws a HubSpotError in doubt; `find…ByMarker` then tells what
   * HubSpot created.
   */
  createTasks(tasks: TaskToCreate[]): Promise<BatchAnswer>;
  /** Tasks on a deal that carry one of our markers: how a retry learns what a lost answer had created. */
  findTasksByMarker(dealId: string, markers: string[]): Promise<Map<string, string>>;
  /** Completes first100's own tasks that are still open (never deletes; a completed or deleted task is left alone). */
  closeTasks(taskIds: string[]): Promise<ClosedTasks>;
  /** Which of first100's tasks are no longer open work, and since when: completed (its completion date) or deleted (null). */
  readTaskCompletions(taskIds: string[]): Promise<Map<string, number | null>>;
  /** The owners HubSpot knows among these ids (jobs only: one call per owner). */
  readOwners(ownerIds: string[]): Promise<Map<string, Owner>>;
  /** One page (up to 500) of the account's active owners, from `after` on (jobs only: the daily owners refresh). */
  listOwners(after?: string): Promise<OwnerPage>;
  updateDeals(updates: RecordUpdate[]): Promise<BatchAnswer>;
  updateCompanies(updates: RecordUpdate[]): Promise<BatchAnswer>;
  readPipelines(): Promise<Pipeline[]>;
  createNotes(notes: NoteToCreate[]): Promise<BatchAnswer>;
  findNotesByMarker(dealId: string, markers: string[]): Promise<Map<string, string>>;
  /** Replaces the body of notes first100 created (one batch call, ≤100), answered per note id. */
  updateNotes(updates: NoteUpdate[]): Promise<BatchAnswer>;
  /** Contacts' address, name and language, in batches of 100; ids HubSpot does not know are absent. */
  readContacts(ids: string[]): Promise<Map<string, ContactForEmail>>;
  /** Logs sent emails on the timelines (logging never sends anything). */
  logEmails(emails: EmailToLog[]): Promise<BatchAnswer>;
  findEmailsByMarker(dealId: string, markers: string[]): Promise<Map<string, string>>;
  /** Properties of deals or companies by id; ids HubSpot does not know are absent. */
  readObjects(objectType: CrmObjectType, ids: string[], properties: string[]): Promise<Map<string, Record<string, string | null>>>;
  readProperties(objectType: CrmObjectType): Promise<ExistingProperty[]>;
  readPropertyGroups(objectType: CrmObjectType): Promise<string[]>;
  /** Replaces an enumeration property's options (PATCH): how a new value is added to a property that exists. */
  updatePropertyOptions(objectType: CrmObjectType, name: string, options: PropertyOption[]): Promise<void>;
  createPropertyGroup(objectType: CrmObjectType, group: { name: string; label: string; displayOrder: number }): Promise<void>;
  /** Creates properties; HubSpot answers per input, and a refused one is reported with HubSpot's reason. */
  createProperties(objectType: CrmObjectType, definitions: PropertyDefinition[]): Promise<PropertyCreation>;
  /** One page of a deal's incoming emails, calls or meetings in a time window, newest first (a search request). */
  searchDealEngagements(query: EngagementQuery): Promise<DealEngagement[]>;
  /** Deals modified since a moment, oldest first, one page per call (the search API: 5 requests per second). */
  searchDealsModifiedSince(query: DealSearchQuery): Promise<DealSearchPage>;
  /** The token's account and scopes; null when HubSpot cannot describe this kind of token. */
  readTokenInfo(): Promise<TokenInfo | null>;
  /** Completes a workflow action first100 answered with BLOCK: the workflow goes on with these output fields. */
  completeWorkflowCallback(callbackId: string, outputFields: Record<string, string>): Promise<CallbackCompletion>;
  /**
   * One record for a card, apart from the worker's calls: a short deadline, no retries, never waiting on the call
   * budget. Never throws: what cannot be had now is `unavailable`.
   */
  readRecordQuickly(objectType: CrmObjectType, id: string, properties: string[]): Promise<QuickRead>;
}

export const DEAL_PROPERTIES = ['dealname', 'pipeline', 'dealstage', 'hubspot_owner_id', 'first100_pm_owner', 'closedate'];

export const MAX_BATCH = 100;

export function chunk<T>(items: T[], size = MAX_BATCH): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function markerLine(marker: string): string {
  return `first100 ref ${marker}`;
}

import type { SurveyKind } from '../domain/feedback-scoring.js';
import type { EmailAudience, SegmentTask } from '../domain/playbook-schema.js';
import type { ActionOutputs, ParsedInput } from '../domain/workflow-actions.js';
import type { NoteToCreate, TaskToCreate } from '../hubspot/hubspot-port.js';
import type { NoteUpdatePayload } from './note-update-steps.js';

/**
 * Every kind of durable work a step row can hold, with its payload. A kind is declared here once; the claim paths,
 * the pause, `first100 retry` and the worker's executors (src/jobs/steps/executors.ts) all read this list, so a new
 * kind that forgets one of its rules does not compile.
 */
export interface StepPayloads {
  /** A HubSpot task with its owner resolved. */
  task: { task: TaskToCreate; assignee: string };
  /**
   * A task whose owner (the deal's PM; for a segment's task, its assignee) is read from HubSpot when it runs; it then
   * becomes a `task`.
   */
  'owner-task': { task: Omit<TaskToCreate, 'ownerId'>; assignee: 'pm' | SegmentTask['assignee'] };
  note: { note: NoteToCreate };
  /** The latest text of a note first100 created (one per note, re-armed by each revision; see note-update-steps.ts). */
  'note-update': NoteUpdatePayload;
  email: EmailStepPayload;
  'deal-update': { properties: Record<string, string> };
  /** The company's health and segment, recomputed from its deals when the step runs. */
  'company-update': { companyId: string };
  /** A timed move to the next phase, applied only if the deal is still in the entry that planned it. */
  advance: { to: string; cause?: string };
  'workflow-action': WorkflowActionPayload;
  'workflow-callback': { callbackId: string; outputFields: ActionOutputs };
  /** Closes (never deletes) a task first100 created, when its deal is lost or moves back before its phase. */
  'task-close': { taskId: string; subject: string; reason: string; causeKey: string };
  /** Recomputes the deal's health when the step runs, after a change first100 learned outside a deal transaction (src/jobs/health/health-steps.ts). */
  health: { cause: string };
}

export type StepKind = keyof StepPayloads;

/** The payload an email step carries (the playbook's emails and the workflows' surveys). */
export interface EmailStepPayload {
  template: string;
  to?: EmailAudience;
  survey?: SurveyKind;
  touchpoint?: string;
  contactIds?: string[];
  delivery?: unknown;
  /** Sent only if the contact's address has this hash (addressHash): a client page's "email me a new link" form. */
  toAddressHash?: string;
  /** The client's own task a reminder is about: skipped if the client answers it before the email goes. */
  clientTask?: { id: string; title: string; why: string; dueAt: number };
  /** Waits for this task of the same phase entry to be completed, or for the PM to mark the kickoff held. */
  afterTask?: string;
}

export interface WorkflowActionPayload {
  callbackId: string;
  workflowId: string | null;
  request: ParsedInput;
}

export interface StepKindRule {
  /** A paused deal's steps of this kind wait for its resume (the playbook's own work); records still run. */
  held: boolean;
  /** Who carries it out: the HubSpot worker, or the email sender (which renders, sends, then logs). */
  runner: 'worker' | 'email-sender';
  /** A HubSpot create: an attempt left without an answer may have applied it, so it is looked for before a retry. */
  creates: boolean;
}

export const STEP_KINDS = {
  // The worker runs its kinds in this order each round.
  task: { held: true, runner: 'worker', creates: true },
  'deal-update': { held: false, runner: 'worker', creates: false },
  advance: { held: true, runner: 'worker', creates: false },
  note: { held: false, runner: 'worker', creates: true },
  // After the creates of the same round: an update whose note was just created can go at once.
  'note-update': { held: false, runner: 'worker', creates: false },
  'company-update': { held: false, runner: 'worker', creates: false },
  'owner-task': { held: false, runner: 'worker', creates: false },
  'workflow-action': { held: false, runner: 'worker', creates: false },
  'workflow-callback': { held: false, runner: 'worker', creates: false },
  'task-close': { held: false, runner: 'worker', creates: false },
  email: { held: true, runner: 'email-sender', creates: false },
  // Not held: a paused deal's health still follows what happens to it.
  health: { held: false, runner: 'worker', creates: false },
} as const satisfies { readonly [K in StepKind]: StepKindRule };

export type WorkerKind = { [K in StepKind]: (typeof STEP_KINDS)[K]['runner'] extends 'worker' ? K : never }[StepKind];

const ALL_KINDS = Object.keys(STEP_KINDS) as StepKind[];

export function kindsWhere(test: (rule: StepKindRule) => boolean): StepKind[] {
  return ALL_KINDS.filter((kind) => test(STEP_KINDS[kind]));
}

export const WORKER_KINDS = kindsWhere((r) => r.runner === 'worker') as WorkerKind[];
export const HELD_KINDS = kindsWhere((r) => r.held);

/** SQL list literal of kinds, for the claim queries (the kinds are our own constants, never outside input). */
export function sqlList(kinds: readonly StepKind[]): string {
  return kinds.map((k) => `'${k}'`).join(', ');
}

/** SQL condition, for the steps table, that leaves out the held steps of paused deals. */
export const NOT_HELD = `NOT (kind IN (${sqlList(HELD_KINDS)})
  AND deal_id IN (SELECT deal_id FROM deal_onboarding WHERE paused_at IS NOT NULL))`;

/** A step row to insert: its payload is the one its kind declares. */
export type NewStep = {
  [K in StepKind]: { effectKey: string; entryId: string | null; dealId: string; kind: K; stepId: string; dueAt: number; runAt: number; payload: StepPayloads[K] };
}[StepKind];

/** A step claimed for work, of one kind. */
export interface ClaimedStepOf<K extends StepKind> {
  id: string;
  effectKey: string;
  entryId: string | null;
  dealId: string;
  kind: K;
  stepId: string;
  dueAt: number;
  payload: StepPayloads[K];
  attempts: number;
  /** Claimed again after an attempt that got no answer (or whose worker died): HubSpot may already have applied it. */
  inDoubt: boolean;
}

export type ClaimedStep = { [K in StepKind]: ClaimedStepOf<K> }[StepKind];

/** The claimed steps of one kind, typed by it: the only place a row's kind is trusted to name its payload's type. */
export function ofKind<K extends StepKind>(steps: ClaimedStep[], kind: K): ClaimedStepOf<K>[] {
  return steps.filter((s) => s.kind === kind) as unknown as ClaimedStepOf<K>[];
}

import { z } from 'zod';
import { normalizeText } from './input-text.js';
import { isIsoDate } from './iso-date.js';
import { PHASES, type Phase } from './phases.js';
import type { EmailTemplateName } from './playbook-schema.js';
import { userHtml } from './user-text.js';

/**
 * The custom workflow actions first100 offers (extensions/app/workflow-actions/*-hsmeta.json), by the last
 * segment of their actionUrl: /api/workflow-actions/<name>.
 */
export const WORKFLOW_ACTIONS = ['start-onboarding', 'move-phase', 'send-survey', 'pause-resume'] as const;
export type WorkflowActionName = (typeof WORKFLOW_ACTIONS)[number];

export function isWorkflowAction(value: string): value is WorkflowActionName {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

/**
 * Why an action could not do its work. The action's response carries the code as `errorCode`, which the actions'
 * executionRules turn into the message the workflow's history shows (custom action reference, "Add custom
 * execution messages with execution rules"); `error_message` carries the same words for later steps.
 */
export const WORKFLOW_ERRORS = {
  UNKNOWN_PHASE: 'The phase is not one of first100\'s 8 phases (assess, admit, affirm, activate, acclimate, accomplish, adopt, advocate): pick one in the action.',
  INVALID_INPUT: 'An input of the action is not valid: open the action in the workflow and correct it.',
  NOT_A_DEAL: 'first100 actions work on deals: use them in a deal-based workflow.',
  OTHER_ACCOUNT: 'This first100 server serves another HubSpot account: point the app at the server of this account.',
  DEAL_NOT_FOUND: 'HubSpot has no such deal (deleted or merged): nothing was done.',
  NOT_IN_ONBOARDING: 'The deal is not in onboarding: start its onboarding first.',
  HUBSPOT_UNAVAILABLE: 'HubSpot did not answer first100 for hours: run the action again later.',
} as const;
export type WorkflowErrorCode = keyof typeof WORKFLOW_ERRORS;

export const WORKFLOW_ERRORS_IT: Record<WorkflowErrorCode, string> = {
  UNKNOWN_PHASE: 'La fase non è una delle 8 fasi di first100 (assess, admit, affirm, activate, acclimate, accomplish, adopt, advocate): sceglila nell\'azione.',
  INVALID_INPUT: 'Un campo dell\'azione non è valido: apri l\'azione nel workflow e correggilo.',
  NOT_A_DEAL: 'Le azioni di first100 lavorano sulle trattative: usale in un workflow basato sulle trattative.',
  OTHER_ACCOUNT: 'Questo server first100 serve un altro account HubSpot: collega l\'app al server di questo account.',
  DEAL_NOT_FOUND: 'HubSpot non ha questa trattativa (eliminata o unita a un’altra): non è stato fatto nulla.',
  NOT_IN_ONBOARDING: 'La trattativa non è in onboarding: avvia prima il suo onboarding.',
  HUBSPOT_UNAVAILABLE: 'HubSpot non ha risposto a first100 per ore: esegui di nuovo l\'azione più tardi.',
};

/** Outputs are strings: the callbacks API takes outputFields as a map of strings. */
export type ActionOutputs = Record<string, string>;

export function failureOutputs(code: WorkflowErrorCode, detail?: string): ActionOutputs {
  return { hs_execution_state: 'FAIL_CONTINUE', errorCode: code, error_message: detail ? `${WORKFLOW_ERRORS[code]} (${detail})` : WORKFLOW_ERRORS[code] };
}

/** What each action answers in its `outcome` output, for later workflow steps to branch on (the README lists them). */
export const WORKFLOW_OUTCOMES = {
  'start-onboarding': ['started', 'already_started'],
  'move-phase': ['moved', 'already_there'],
  'send-survey': ['survey_planned', 'no_contacts'],
  'pause-resume': ['paused', 'already_paused', 'resumed', 'not_paused'],
} as const satisfies Record<WorkflowActionName, readonly string[]>;
export type WorkflowOutcome<A extends WorkflowActionName = WorkflowActionName> = (typeof WORKFLOW_OUTCOMES)[A][number];

export interface ActionResult {
  outcome: WorkflowOutcome;
  phase: Phase | null;
  tasksCreated: number;
  handoffAccepted: boolean;
  extra?: Record<string, string | number | boolean>;
}

/** What later workflow steps branch on: the phase, the tasks this action planned, whether the handoff is accepted. */
export function successOutputs(r: ActionResult): ActionOutputs {
  const extra = Object.fromEntries(Object.entries(r.extra ?? {}).map(([k, v]) => [k, String(v)]));
  return {
    hs_execution_state: 'SUCCESS',
    outcome: r.outcome,
    phase: r.phase ?? '',
    tasks_created: String(r.tasksCreated),
    handoff_accepted: String(r.handoffAccepted),
    ...extra,
  };
}

// Workflows send every input as a string; an optional input left empty arrives as "" or not at all.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const phase = z.enum(PHASES, { error: 'UNKNOWN_PHASE' });
const ownerId = z.string().regex(/^\d{1,20}$/, 'a HubSpot owner id');
/** A date input: HubSpot sends midnight UTC in milliseconds; a YYYY-MM-DD date is taken too, if it is a real date. */
const day = z.union(
  [
    z.string().regex(/^\d{10,15}$/).transform(Number),
    z.string().refine(isIsoDate).transform((d) => Date.parse(`${d}T00:00:00Z`)),
  ],
  { error: 'a date (YYYY-MM-DD, or HubSpot\'s date in milliseconds)' },
);

export const ACTION_INPUTS = {
  'start-onboarding': z.object({ pm_owner: optional(ownerId), start_phase: optional(phase), day_zero: optional(day) }),
  'move-phase': z.object({ phase, reason: z.string().trim().min(3, 'say in a few words why the phase moves').max(500).transform(normalizeText) }),
  'send-survey': z.object({
    survey_kind: z.enum(['NPS', 'CSAT', 'CES']),
    touchpoint: z.string().trim().min(2, 'name the moment the survey asks about').max(200).transform(normalizeText),
    audience: optional(z.enum(['primary_contact', 'all_contacts'])),
  }),
  'pause-resume': z.object({ mode: z.enum(['pause', 'resume']), reason: optional(z.string().trim().max(500).transform(normalizeText)) }),
} satisfies Record<WorkflowActionName, z.ZodType>;

export type ActionInput<A extends WorkflowActionName> = z.output<(typeof ACTION_INPUTS)[A]>;

export type ParsedInput = { [A in WorkflowActionName]: { action: A; input: ActionInput<A> } }[WorkflowActionName];

/** How far from today a day zero may be: a typo (0000-01-01, year 33658) must reach neither the plan nor HubSpot. */
export const DAY_ZERO_RANGE_YEARS = 10;

/** Reads an action's inputs at `now`; a refusal names the error code and the field. */
export function parseActionInput(action: WorkflowActionName, raw: Record<string, unknown>, now: number): ParsedInput | { error: WorkflowErrorCode; detail: string } {
  const parsed = ACTION_INPUTS[action].safeParse(raw);
  if (parsed.success) {
    const dayZero = 'day_zero' in parsed.data ? parsed.data.day_zero : undefined;
    const range = DAY_ZERO_RANGE_YEARS * 365.25 * 24 * 3600_000;
    if (dayZero !== undefined && Math.abs(dayZero - now) > range) {
      return { error: 'INVALID_INPUT', detail: `day_zero: a date within ${DAY_ZERO_RANGE_YEARS} years of today` };
    }
    return { action, input: parsed.data } as ParsedInput;
  }
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'inputFields';
  if (issue.message === 'UNKNOWN_PHASE') return { error: 'UNKNOWN_PHASE', detail: `${field}: ${JSON.stringify(raw[field] ?? null)}` };
  return { error: 'INVALID_INPUT', detail: `${field}: ${issue.message}` };
}

/**
 * The email a workflow's survey sends, whatever the scale: its words come from the touchpoint the workflow names.
 * A workflow cannot know that a kickoff took place or that the result was reached, so it never sends those emails.
 */
export const WORKFLOW_SURVEY_TEMPLATE = 'touchpoint-survey' satisfies EmailTemplateName;

const PAUSE_WORDS = {
  pause: { en: 'Onboarding paused by', it: 'Onboarding sospeso da' },
  resume: { en: 'Onboarding resumed by', it: 'Onboarding ripreso da' },
  reason: { en: 'Reason', it: 'Motivo' },
};

/** The timeline note of a pause or a resume (HTML, as hs_note_body takes it). */
export function pauseNote(mode: 'pause' | 'resume', actor: string, reason: string | undefined, locale: 'en' | 'it'): string {
  const title = `<p><strong>${PAUSE_WORDS[mode][locale]} ${userHtml(actor)}</strong></p>`;
  return reason ? `${title}<p>${PAUSE_WORDS.reason[locale]}: ${userHtml(reason)}</p>` : title;
}

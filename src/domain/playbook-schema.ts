import { z } from 'zod';
import { REMORSE_TYPES } from './handoff-items.js';
import { PHASES } from './phases.js';
import { SEGMENTS } from './status-labels.js';

const offset = z.union([
  z.strictObject({ businessDays: z.number().int().min(0).max(365) }),
  z.strictObject({ days: z.number().int().min(0).max(365) }),
]);

const assignee = z.union([
  z.enum(['deal_owner', 'pm']),
  z.strictObject({ owner: z.string().regex(/^\d+$/, 'an owner id is digits, as HubSpot shows it in Settings > Users') }),
]);

const stepId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use kebab-case letters and digits, e.g. "kickoff-call"');

const task = z.strictObject({
  id: stepId,
  title: z.string().min(1).max(200),
  body: z.string().max(5000).default(''),
  assignee,
  due: offset,
  priority: z.enum(['LOW', 'MEDIUM', 'HIGH']).default('MEDIUM'),
  type: z.enum(['TODO', 'CALL', 'EMAIL']).default('TODO'),
  /** Shown on the client's page under "what comes next" with these words; absent, the task is the team's only. */
  clientTitle: z.string().min(1).max(200).optional(),
});

export const EMAIL_TEMPLATES = [
  'welcome',
  'reassurance',
  'kickoff-survey',
  'milestone-update',
  'result-survey',
  'touchpoint-survey',
  'referral-ask',
  'client-link',
  'result-ending',
  'pm-introduction',
  'before-and-after',
  'client-task-reminder',
  'client-page',
] as const;
export type EmailTemplateName = (typeof EMAIL_TEMPLATES)[number];

/** Who receives an email: the deal's primary contact, all its contacts, or those with an association label. */
const audience = z.union([
  z.enum(['primary_contact', 'all_contacts']),
  z.strictObject({ label: z.string().trim().min(1).max(100) }),
]);

const email = z
  .strictObject({
    id: stepId,
    template: z.enum(EMAIL_TEMPLATES),
    to: audience.default('primary_contact'),
    send: offset,
    survey: z.enum(['NPS', 'CSAT', 'CES']).optional(),
    touchpoint: z.string().min(1).max(200).optional(),
    /** Shown on the client's page under "what comes next" with these words. */
    clientTitle: z.string().min(1).max(200).optional(),
    /** Sent only once this task of the same phase is completed in HubSpot (or the PM marks the kickoff held on the card). */
    afterTask: stepId.optional(),
  })
  .refine((e) => !e.survey || e.touchpoint, {
    message: 'a survey email must name its touchpoint (the moment the client is asked about)',
    path: ['touchpoint'],
  })
  .refine((e) => e.template !== 'touchpoint-survey' || e.survey, {
    message: 'the touchpoint-survey email asks about its touchpoint: say which survey (NPS, CSAT or CES) and name the touchpoint',
    path: ['survey'],
  });

const phaseName = z.enum(PHASES);

/** Something the client does, shown on their page; they mark it done, or say they are stuck. */
const clientTask = z.strictObject({
  id: stepId,
  title: z.string().min(1).max(200),
  why: z.string().min(1).max(1000),
  due: z.strictObject({ businessDays: z.number().int().min(0).max(365) }),
  who: audience.default('primary_contact'),
});

const advance = z.union([
  z.strictObject({ to: phaseName, after: offset }),
  z.strictObject({ to: phaseName, on: z.enum(['handoff_accepted']) }),
]);

/** How long a client may go without contact in a phase before first100 calls them silent. */
const silence = z.strictObject({
  businessDays: z.number().int().min(1, 'a silence limit is at least 1 business day').max(130, 'a silence limit is at most 130 business days (half a year)'),
});

/** How long the phase should take; past it the deal is "stuck", and go-live is projected from these. */
const expected = z.strictObject({
  businessDays: z.number().int().min(1, 'an expected duration is at least 1 business day').max(260, 'an expected duration is at most 260 business days (a year)'),
});

const phasePlan = z
  .strictObject({
    tasks: z.array(task).default([]),
    emails: z.array(email).default([]),
    advance: advance.optional(),
    silence: silence.optional(),
    // Optional in the parsed playbook too, so plans written as literals (tests, tools) need not list it.
    clientTasks: z.array(clientTask).optional(),
    expected: expected.optional(),
  })
  .refine((p) => new Set([...p.tasks, ...p.emails].map((s) => s.id)).size === p.tasks.length + p.emails.length, {
    message: 'step ids must be unique within a phase',
  })
  .refine((p) => new Set((p.clientTasks ?? []).map((t) => t.id)).size === (p.clientTasks ?? []).length, {
    message: 'client task ids must be unique within a phase',
    path: ['clientTasks'],
  })
  .refine((p) => p.emails.every((e) => !e.afterTask || p.tasks.some((t) => t.id === e.afterTask)), {
    message: 'an email\'s afterTask must name a task of the same phase (the task whose completion it waits for)',
  });

/** Stories the reassurance email tells, per remorse type recorded at handoff ("default" when none is). */
const caseHistory = z.strictObject({
  title: z.string().min(1).max(120),
  story: z.string().min(1).max(1200),
  /** A shipped example, not a real client: `first100 doctor` refuses to go live while one is left. */
  example: z.boolean().optional(),
});
const caseHistories = z.partialRecord(z.enum([...REMORSE_TYPES, 'default']), z.array(caseHistory).min(1).max(3));

/**
 * A person of the team as the client sees them on their page, added to HubSpot's owner of that id: HubSpot's owners
 * carry no phone number nor what the person does for the client; a name or email given here replaces HubSpot's.
 */
const teamMember = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  email: z.string().trim().regex(/^[^\s@]+@[^\s@]+$/, 'an email address such as anna@example.com').optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ()./-]{5,30}$/, 'a phone number such as +39 02 1234 5678').optional(),
  /** What they do for the client, shown under their role instead of the page's general words. */
  does: z.string().trim().min(1).max(300).optional(),
});
/**
 * The adopter's own terms, per kind of doubt, that the reassurance email states in plain words (nobody reads
 * contracts): the guarantee or refund policy for "will it work?", returns, free support and training for "was I
 * cheated?". `first100 doctor` fails while the terms for those two are missing, empty or still the shipped examples.
 */
const remorseTerm = z.strictObject({
  terms: z.string().trim().max(1200),
  example: z.boolean().optional(),
});
export const REMORSE_TYPES_NEEDING_TERMS = ['product_doubt', 'being_cheated'] as const;
const remorseTerms = z.partialRecord(z.enum(REMORSE_TYPES), remorseTerm);

const stageTarget = z.union([phaseName, z.literal('lost')]);

/** A moment counted from day zero (day 1 is the close date) at which every onboarding deal gets its tasks and emails. */
const checkpoint = z
  .strictObject({
    day: z.number().int().min(1, 'a checkpoint day counts from 1 (day zero\'s date is day 1)').max(365, 'a checkpoint day is at most 365'),
    tasks: z.array(task).default([]),
    emails: z.array(email).default([]),
  })
  .refine((c) => c.tasks.length + c.emails.length > 0, { message: 'a checkpoint needs at least one task or email' })
  .refine((c) => new Set([...c.tasks, ...c.emails].map((s) => s.id)).size === c.tasks.length + c.emails.length, {
    message: 'step ids must be unique within a checkpoint',
  });

/**
 * What first100 plans when a client company enters a segment (loyal, occasional, at risk): tasks only, owned by the
 * playbook's assignees or by the PM's manager (`pmManager`), due counted from the moment the segment changed.
 */
const segmentTask = task.extend({ assignee: z.union([assignee, z.literal('pm_manager')]) });
const segmentPlan = z.strictObject({ tasks: z.array(segmentTask).min(1) });

const clientTaskReminders = z
  .strictObject({
    afterBusinessDays: z.number().int().min(0).max(60, 'a reminder is sent at most 60 business days after the due date'),
    pmTaskAfterBusinessDays: z.number().int().min(1).max(120, 'the PM\'s task comes at most 120 business days after the due date'),
  })
  .refine((r) => r.pmTaskAfterBusinessDays > r.afterBusinessDays, {
    message: 'pmTaskAfterBusinessDays must be later than afterBusinessDays: the client gets the reminder first, the PM the task after',
    path: ['pmTaskAfterBusinessDays'],
  });

export const playbookSchema = z.strictObject({
  version: z.literal(1),
  name: z.string().min(1),
  locale: z.enum(['en', 'it']),
  timezone: z.string().refine(isIanaZone, 'not an IANA time zone; use e.g. "Europe/Rome"'),
  holidays: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]+)?$/, 'a country code such as "IT" (or "IT-BZ" for a region)').optional(),
  dueTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour local time such as "09:00"').default('09:00'),
  pipelines: z.record(z.string().min(1), z.record(z.string().min(1), stageTarget)),
  phases: z.partialRecord(phaseName, phasePlan),
  caseHistories: caseHistories.default({}),
  /** How the client's page presents the people behind HubSpot owner ids (the deal's owner and its PM). */
  team: z.record(z.string().regex(/^\d+$/, 'a team member is keyed by their HubSpot owner id (digits)'), teamMember).default({}),
  remorseTerms: remorseTerms.default({}),
  /** The task a silent client's deal gets, once per silence. */
  checkIn: task.optional(),
  /** Each segment's action, planned when a company enters the segment. */
  segments: z.partialRecord(z.enum(SEGMENTS), segmentPlan).default({}),
  /** The PM's manager: who gets the tasks assigned to `pm_manager` (the at-risk retention task). */
  pmManager: z.strictObject({ owner: z.string().regex(/^\d+$/, 'an owner id is digits, as HubSpot shows it in Settings > Users') }).optional(),
  /** When a deal counts as behind: more than this share of its due tasks (first100's and the client's) still open. */
  health: z
    .strictObject({ behind: z.strictObject({ overdueShare: z.number().min(0).max(0.99, 'an overdue share is below 1: "more than all of them" never happens') }) })
    .default({ behind: { overdueShare: 0.25 } }),
  /**
   * A client task still open past its due date: one reminder email to the client `afterBusinessDays` later, then one
   * HIGH task for the PM `pmTaskAfterBusinessDays` after the due date. Absent: DEFAULT_CLIENT_TASK_REMINDERS.
   */
  clientTaskReminders: clientTaskReminders.optional(),
  checkpoints: z
    .array(checkpoint)
    .default([])
    .refine((list) => list.every((c, i) => i === 0 || c.day > list[i - 1]!.day), {
      message: 'checkpoints must be listed by day, each day once (e.g. 30, 60, 90)',
    }),
})
  .refine((p) => p.checkIn !== undefined || !Object.values(p.phases).some((plan) => plan?.silence), {
    message: 'a phase has a silence limit, so the playbook needs a top-level "checkIn" task for silent clients',
    path: ['checkIn'],
  });

export type Playbook = z.output<typeof playbookSchema>;
export type TaskTemplate = z.output<typeof task>;
export type EmailTemplate = z.output<typeof email>;
export type Checkpoint = z.output<typeof checkpoint>;
export type ClientTask = z.output<typeof clientTask>;
export type TeamMember = z.output<typeof teamMember>;
export type EmailAudience = z.output<typeof audience>;
export type CaseHistory = z.output<typeof caseHistory>;
export type RemorseTerm = z.output<typeof remorseTerm>;
export type SegmentTask = z.output<typeof segmentTask>;
export type Offset = z.output<typeof offset>;
export type Assignee = z.output<typeof assignee>;
export type StageTarget = z.output<typeof stageTarget>;
export type ClientTaskReminders = z.output<typeof clientTaskReminders>;

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

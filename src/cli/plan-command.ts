import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { loadPlaybookFile } from '../boot.js';
import { createBusinessCalendar } from '../domain/business-calendar.js';
import { NOT_IN_ONBOARDING, type DealSnapshot, type OnboardingState } from '../domain/deal.js';
import { isPhase, PHASES } from '../domain/phases.js';
import { planStageChange } from '../domain/plan-stage-change.js';
import { loadConfig } from '../config.js';
import { CliError, defineCommand, UsageError, type OptionValues } from './command.js';
import { formatDecision } from './format-timeline.js';

const OPTIONS = {
  file: { type: 'string' },
  stage: { type: 'string' },
  'deal-id': { type: 'string' },
  'deal-name': { type: 'string' },
  pipeline: { type: 'string' },
  owner: { type: 'string' },
  pm: { type: 'string' },
  company: { type: 'string' },
  contacts: { type: 'string' },
  phase: { type: 'string' },
  at: { type: 'string' },
  playbook: { type: 'string' },
} as const;

export type PlanValues = OptionValues<typeof OPTIONS>;

export const planCli = defineCommand({
  name: 'plan',
  summary: 'print what a deal stage change would do (nothing is written)',
  synopsis: 'first100 plan --stage <stage id> [options] | first100 plan --file <change.json>',
  help: `Prints the phase a deal would enter, its tasks with due dates and assignees, its emails and the deal
properties first100 would write. Nothing is written anywhere.

  --stage closedwon          the stage the deal moves to (its id: Settings → Objects → Deals → Pipelines)
  --pipeline default         the deal's pipeline id
  --deal-id 42 --deal-name "Acme renewal" --owner 101 --pm 202 --company "Acme" --contacts 3
  --phase assess             the phase the deal is in now (default: not in onboarding)
  --at 2026-12-04T15:00      when it moves, in the playbook's time zone (default: now)
  --playbook <file>          default: PLAYBOOK, or playbooks/default.en.yml
  --file change.json         {"deal": {...}, "stage": "closedwon", "at": "...", "phase": "assess"}
`,
  options: OPTIONS,
  async run({ values }, io) {
    const playbook = resolve(io.workDir, values.playbook ?? loadConfig(io.env, 'tool').playbookPath);
    for (const line of await planLines(values, playbook)) io.out(line);
    return 0;
  },
});

const fileSchema = z.object({
  deal: z.object({
    id: z.string().default('1'),
    name: z.string().default('Sample deal'),
    pipeline: z.string().nullable().default('default'),
    ownerId: z.string().nullable().default(null),
    pmOwnerId: z.string().nullable().default(null),
    closeDate: z.number().nullable().default(null),
    company: z.object({ id: z.string(), name: z.string() }).nullable().default(null),
    contactIds: z.array(z.string()).default([]),
  }),
  stage: z.string().min(1),
  at: z.string().optional(),
  phase: z.enum(PHASES).optional(),
});

/** The plan of one stage change, as lines; a mistake in the options is a UsageError. */
export async function planLines(values: PlanValues, playbookPath: string): Promise<string[]> {
  if (!values.file && !values.stage) throw new UsageError('say which stage the deal moves to, with --stage <stage id> (or give --file <change.json>)');
  const contacts = values.contacts === undefined ? 1 : Number(values.contacts);
  if (!Number.isInteger(contacts) || contacts < 0) throw new UsageError(`--contacts "${values.contacts}" is not a number of contacts`);
  if (values.phase !== undefined && !isPhase(values.phase)) throw new UsageError(`--phase "${values.phase}" is not a phase; use one of ${PHASES.join(', ')}`);
  const parsed = values.file
    ? fileSchema.safeParse(await readChangeFile(values.file))
    : fileSchema.safeParse({
        deal: {
          id: values['deal-id'] ?? '1',
          name: values['deal-name'] ?? 'Sample deal',
          pipeline: values.pipeline ?? 'default',
          ownerId: values.owner ?? null,
          pmOwnerId: values.pm ?? null,
          company: values.company ? { id: 'company', name: values.company } : null,
          contactIds: Array.from({ length: contacts }, (_, i) => `contact-${i + 1}`),
        },
        stage: values.stage,
        at: values.at,
        phase: values.phase,
      });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${values.file ?? 'the options'}: ${issue.path.join('.') || 'the change'}: ${issue.message}`);
  }
  const input = parsed.data;
  const playbook = await loadPlaybookFile(playbookPath).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new CliError(`the playbook ${playbookPath} does not exist: give --playbook <file> or set PLAYBOOK`) : error;
  });
  const calendar = createBusinessCalendar(playbook);
  const at = input.at ? DateTime.fromISO(input.at, { zone: playbook.timezone }) : DateTime.now();
  if (!at.isValid) throw new UsageError(`--at "${input.at}" is not a date-time; use e.g. 2026-12-04T15:00`);
  const deal: DealSnapshot = input.deal;
  const state: OnboardingState = input.phase ? { ...NOT_IN_ONBOARDING, phase: input.phase } : NOT_IN_ONBOARDING;
  const decision = planStageChange({
    deal,
    change: { dealId: deal.id, stageId: input.stage, occurredAt: at.toMillis() },
    state,
    playbook,
    calendar,
    now: at.toMillis(),
  });
  return [
    `playbook: ${playbook.name} (${playbookPath}), times in ${playbook.timezone}`,
    `deal ${deal.id} "${deal.name}" moves to stage "${input.stage}" on ${at.toFormat('ccc dd LLL yyyy HH:mm')}:`,
    ...formatDecision(decision, playbook.timezone, playbook.locale),
  ];
}

async function readChangeFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--file ${path} is not JSON (${(error as Error).message})`);
  }
}

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { loadPlaybookFile } from '../boot.js';
import { createBusinessCalendar } from '../domain/business-calendar.js';
import { NOT_IN_ONBOARDING, type DealSnapshot, type OnboardingState } from '../domain/deal.js';
import { PHASES } from '../domain/phases.js';
import { planStageChange } from '../domain/plan-stage-change.js';
import { formatDecision } from './format-timeline.js';

export const PLAN_USAGE = `first100 plan: print what a deal stage change would do (nothing is written)

  first100 plan --stage closedwon [--deal-id 42] [--deal-name "Acme renewal"] [--pipeline default]
                [--owner 101] [--pm 202] [--company "Acme"] [--contacts 3] [--phase assess]
                [--at 2026-12-04T15:00] [--playbook playbooks/default.en.yml]
  first100 plan --file change.json     {"deal": {...}, "stage": "closedwon", "at": "...", "phase": "assess"}
`;

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

export async function planCommand(args: string[], env: { playbook: string }): Promise<string[]> {
  const { values } = parseArgs({
    args,
    options: {
      file: { type: 'string' },
      stage: { type: 'string' },
      'deal-id': { type: 'string', default: '1' },
      'deal-name': { type: 'string', default: 'Sample deal' },
      pipeline: { type: 'string', default: 'default' },
      owner: { type: 'string' },
      pm: { type: 'string' },
      company: { type: 'string' },
      contacts: { type: 'string', default: '1' },
      phase: { type: 'string' },
      at: { type: 'string' },
      playbook: { type: 'string', default: env.playbook },
    },
  });
  const input = values.file
    ? fileSchema.parse(JSON.parse(await readFile(values.file, 'utf8')))
    : fileSchema.parse({
        deal: {
          id: values['deal-id'],
          name: values['deal-name'],
          pipeline: values.pipeline,
          ownerId: values.owner ?? null,
          pmOwnerId: values.pm ?? null,
          company: values.company ? { id: 'company', name: values.company } : null,
          contactIds: Array.from({ length: Number(values.contacts) || 0 }, (_, i) => `contact-${i + 1}`),
        },
        stage: values.stage,
        at: values.at,
        phase: values.phase,
      });
  const playbook = await loadPlaybookFile(values.playbook!);
  const calendar = createBusinessCalendar(playbook);
  const at = input.at ? DateTime.fromISO(input.at, { zone: playbook.timezone }) : DateTime.now();
  if (!at.isValid) throw new Error(`--at "${input.at}" is not a date-time; use e.g. 2026-12-04T15:00`);
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
    `playbook: ${playbook.name} (${values.playbook}), times in ${playbook.timezone}`,
    `deal ${deal.id} "${deal.name}" moves to stage "${input.stage}" on ${at.toFormat('ccc dd LLL yyyy HH:mm')}:`,
    ...formatDecision(decision, playbook.timezone, playbook.locale),
  ];
}

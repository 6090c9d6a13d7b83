import { DateTime } from 'luxon';
import { phaseLabel, type Locale, type Phase } from '../domain/phases.js';
import { describeAudience } from '../domain/email-recipients.js';
import type { PlannedStep } from '../domain/plan-phase-entry.js';
import type { StageDecision } from '../domain/plan-stage-change.js';

export function formatWhen(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toFormat('ccc dd LLL yyyy HH:mm');
}

export function formatPhase(phase: Phase | null, locale: Locale): string {
  return phase ? `${phase} (${phaseLabel(phase, locale)})` : 'not in onboarding';
}

export function formatStep(step: PlannedStep, timezone: string): string {
  const when = formatWhen(step.dueAt, timezone);
  if (step.kind === 'task') {
    const owner = step.ownerId ? `owner ${step.ownerId} (${step.assignee})` : 'unassigned';
    return `task   ${when}  ${step.title}  → ${owner}, ${step.priority}, ${step.type}`;
  }
  if (step.kind === 'email') {
    const survey = step.survey ? `, ${step.survey} survey on "${step.touchpoint}"` : '';
    return `email  ${when}  ${step.template} to ${describeAudience(step.to)}${survey}`;
  }
  return `phase  ${when}  moves on to ${step.to}`;
}

/** What a stage change does, in words a RevOps admin can check against the playbook. */
export function formatDecision(decision: StageDecision, timezone: string, locale: Locale): string[] {
  if (decision.kind === 'ignore') return [`nothing happens: ${decision.reason}`];
  if (decision.kind === 'lost') {
    return [
      `deal lost in ${formatPhase(decision.from, locale)}: pending steps are cancelled, and the open tasks first100 created are closed in HubSpot`,
      `deal properties: ${JSON.stringify(decision.dealUpdates)}`,
    ];
  }
  const lines = [
    `${formatPhase(decision.from, locale)} → ${formatPhase(decision.entry.phase, locale)}${decision.backwards ? " (back: pending steps are cancelled, first100's open tasks of the phases left are closed)" : ''}`,
    ...decision.entry.steps.map((s) => `  ${formatStep(s, timezone)}`),
    `deal properties: ${JSON.stringify(decision.dealUpdates)}`,
  ];
  for (const warning of decision.entry.warnings) lines.push(`warning: ${warning}`);
  return lines;
}

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import { NOT_IN_ONBOARDING, type DealSnapshot, type OnboardingState } from '../../src/domain/deal.js';
import { planStageChange } from '../../src/domain/plan-stage-change.js';
import { smallPlaybook } from '../support/playbook.js';

const playbook = smallPlaybook();
const calendar = createBusinessCalendar(playbook);
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const local = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Rome' }).toFormat("yyyy-MM-dd'T'HH:mm");

const deal: DealSnapshot = {
  id: '42',
  name: 'Acme renewal',
  pipeline: 'default',
  ownerId: '100',
  pmOwnerId: '200',
  closeDate: null,
  company: { id: '7', name: 'Acme' },
  contactIds: ['9'],
};
const wonFriday = { dealId: '42', stageId: 'closedwon', occurredAt: at('2026-12-04T15:00') };

function plan(change = wonFriday, state: OnboardingState = NOT_IN_ONBOARDING, d: DealSnapshot = deal) {
  return planStageChange({ deal: d, change, state, playbook, calendar, now: change.occurredAt });
}

describe('planning a stage change', () => {
  it('a won deal enters admit with its tasks, owners, business-day due dates, emails and timed advance', () => {
    const decision = plan();
    expect(decision.kind).toBe('enter');
    if (decision.kind !== 'enter') return;
    expect(decision.entry.phase).toBe('admit');
    expect(decision.entry.steps.map((s) => [s.kind, s.stepId, local(s.dueAt)])).toEqual([
      ['task', 'celebrate', '2026-12-07T09:00'],
      ['email', 'welcome', '2026-12-07T09:00'],
      ['advance', 'advance-to-affirm', '2026-12-07T09:00'],
      ['task', 'handoff-meeting', '2026-12-09T09:00'],
    ]);
    const [celebrate, , , handoff] = decision.entry.steps;
    expect(celebrate).toMatchObject({ title: 'Celebrate Acme', ownerId: '100', priority: 'HIGH', type: 'TODO' });
    expect(handoff).toMatchObject({ title: 'Handoff meeting for Acme renewal', ownerId: '200', assignee: 'pm', type: 'CALL' });
    expect(decision.dealUpdates).toEqual({
      first100_phase: 'admit',
      first100_phase_entered_at: new Date(wonFriday.occurredAt).toISOString(),
      first100_day_zero: '2026-12-04',
      first100_health: 'on_track',
    });
    expect(decision.entry.warnings).toEqual([]);
  });

  it('falls back to the deal owner with a warning when the deal has no PM', () => {
    const decision = plan(wonFriday, NOT_IN_ONBOARDING, { ...deal, pmOwnerId: null });
    if (decision.kind !== 'enter') throw new Error(decision.kind);
    expect(decision.entry.steps.find((s) => s.stepId === 'handoff-meeting')).toMatchObject({ ownerId: '100', assignee: 'deal_owner' });
    expect(decision.entry.warnings).toEqual([expect.stringContaining('handoff-meeting: no PM on the deal')]);
  });

  it('ignores a change older than the last one applied', () => {
    const state = { ...NOT_IN_ONBOARDING, phase: 'admit' as const, lastChangeAt: wonFriday.occurredAt };
    expect(plan({ ...wonFriday, stageId: 'contractsent', occurredAt: wonFriday.occurredAt - 1 }, state)).toMatchObject({ kind: 'ignore' });
    expect(plan(wonFriday, state)).toMatchObject({ kind: 'ignore' });
  });

  it('ignores stages the playbook does not map, naming them', () => {
    expect(plan({ ...wonFriday, stageId: 'mystery' })).toEqual({ kind: 'ignore', reason: expect.stringContaining('"mystery"') });
  });

  it('a deal lost during onboarding clears its phase; one lost before it is ignored', () => {
    const lost = { ...wonFriday, stageId: 'closedlost', occurredAt: wonFriday.occurredAt + 1000 };
    const state = { ...NOT_IN_ONBOARDING, phase: 'admit' as const, lastChangeAt: wonFriday.occurredAt };
    expect(plan(lost, state)).toEqual({ kind: 'lost', from: 'admit', dealUpdates: { first100_phase: '', first100_health: '' } });
    expect(plan(lost)).toMatchObject({ kind: 'ignore' });
  });

  it('a deal moved back to an open stage goes back to assess', () => {
    const state = { ...NOT_IN_ONBOARDING, phase: 'admit' as const, lastChangeAt: wonFriday.occurredAt, dayZero: wonFriday.occurredAt };
    const decision = plan({ ...wonFriday, stageId: 'contractsent', occurredAt: wonFriday.occurredAt + 1000 }, state);
    expect(decision).toMatchObject({ kind: 'enter', backwards: true, from: 'admit', entry: { phase: 'assess' } });
  });

  it('uses the stage of the deal\'s own pipeline, and any pipeline when the deal\'s is unknown', () => {
    const custom = { ...deal, pipeline: '987654' };
    expect(plan({ ...wonFriday, stageId: '111' }, NOT_IN_ONBOARDING, custom)).toMatchObject({ kind: 'enter', entry: { phase: 'activate' } });
    expect(plan(wonFriday, NOT_IN_ONBOARDING, custom)).toMatchObject({ kind: 'ignore' });
    expect(plan(wonFriday, NOT_IN_ONBOARDING, { ...deal, pipeline: null })).toMatchObject({ kind: 'enter', entry: { phase: 'admit' } });
  });

  it('a replay processed days late does not create overdue work', () => {
    const now = at('2026-12-15T10:00');
    const decision = planStageChange({ deal, change: wonFriday, state: NOT_IN_ONBOARDING, playbook, calendar, now });
    if (decision.kind !== 'enter') throw new Error(decision.kind);
    expect(decision.entry.steps.every((s) => s.dueAt >= now)).toBe(true);
    expect(decision.dealUpdates.first100_phase_entered_at).toBe(new Date(wonFriday.occurredAt).toISOString());
  });
});

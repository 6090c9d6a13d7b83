import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import type { DealSnapshot } from '../../src/domain/deal.js';
import { mappedStageIds, missedStageChange } from '../../src/domain/missed-stage-change.js';
import { checkpointStart, dueCheckpoint, planCheckpoint } from '../../src/domain/plan-checkpoint.js';
import { planCheckIn, planSilence } from '../../src/domain/plan-silence.js';
import { schedulesPlaybook } from '../support/playbook.js';

const playbook = schedulesPlaybook();
const calendar = createBusinessCalendar(playbook);
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const local = (ms: number | null) => (ms === null ? null : DateTime.fromMillis(ms, { zone: 'Europe/Rome' }).toFormat("yyyy-MM-dd'T'HH:mm"));

const dayZero = at('2026-12-04T15:00'); // won on a Friday afternoon
const deal: DealSnapshot = {
  id: '42',
  name: 'Acme renewal',
  pipeline: 'default',
  ownerId: '100',
  pmOwnerId: '200',
  closeDate: dayZero,
  company: { id: '7', name: 'Acme' },
  contactIds: ['9'],
};

function silence(now: string, o: { phase?: 'admit' | 'advocate'; lastContactAt?: number | null; silentSince?: number | null } = {}) {
  const d = planSilence({ phase: o.phase ?? 'admit', lastContactAt: o.lastContactAt ?? null, startedAt: dayZero, silentSince: o.silentSince ?? null, playbook, calendar, now: at(now) });
  return { silentSince: local(d.silentSince), changed: d.changed };
}

describe('silence', () => {
  it('starts when the phase\'s business days pass with no contact: 5 in admit, skipping the weekend and 8 December', () => {
    expect(silence('2026-12-14T08:59')).toEqual({ silentSince: null, changed: false });
    expect(silence('2026-12-14T09:00')).toEqual({ silentSince: '2026-12-14T09:00', changed: true });
  });

  it('keeps the same start across sweeps, so the silence is one silence', () => {
    expect(silence('2026-12-16T08:00', { silentSince: at('2026-12-14T09:00') })).toEqual({ silentSince: '2026-12-14T09:00', changed: false });
  });

  it('ends when contact resumes, and a later silence is a new one with its own start', () => {
    const contact = at('2026-12-15T10:00');
    expect(silence('2026-12-15T12:00', { lastContactAt: contact, silentSince: at('2026-12-14T09:00') })).toEqual({ silentSince: null, changed: true });
    expect(silence('2026-12-23T08:00', { lastContactAt: contact, silentSince: at('2026-12-14T09:00') })).toEqual({ silentSince: '2026-12-22T09:00', changed: true });
  });

  it('counts from the start of onboarding, not from a contact before it', () => {
    expect(silence('2026-12-14T09:00', { lastContactAt: at('2026-11-02T10:00') })).toEqual({ silentSince: '2026-12-14T09:00', changed: true });
  });

  it('is not tracked in a phase without a limit: a silence carried into it ends', () => {
    expect(silence('2027-01-20T09:00', { phase: 'advocate' })).toEqual({ silentSince: null, changed: false });
    expect(silence('2027-01-20T09:00', { phase: 'advocate', silentSince: at('2026-12-14T09:00') })).toEqual({ silentSince: null, changed: true });
  });

  it('plans the playbook\'s check-in task for the PM, due the day the silence starts', () => {
    const checkIn = planCheckIn(deal, at('2026-12-14T09:00'), playbook, calendar, at('2026-12-14T09:00'))!;
    expect(checkIn.warnings).toEqual([]);
    expect({ ...checkIn.task, dueAt: local(checkIn.task.dueAt) }).toEqual({
      kind: 'task',
      stepId: 'check-in',
      dueAt: '2026-12-14T09:00',
      ownerId: '200',
      assignee: 'pm',
      title: 'Acme has gone quiet',
      body: 'Call them.',
      priority: 'HIGH',
      type: 'CALL',
    });
  });
});

describe('checkpoints', () => {
  const due = (now: string, planned: number[] = []) => dueCheckpoint({ dayZero, planned, playbook, now: at(now) })?.day ?? null;

  it('day N is onboarding day N: day 30 of a deal won on 4 December is 2 January', () => {
    expect(local(checkpointStart(dayZero, 30, 'Europe/Rome'))).toBe('2027-01-02T00:00');
    expect(due('2027-01-01T23:59')).toBeNull();
    expect(due('2027-01-02T07:30')).toBe(30);
  });

  it('plans each checkpoint once, and never an earlier one after a later one', () => {
    expect(due('2027-01-05T07:30', [30])).toBeNull();
    expect(due('2027-02-01T07:30', [30])).toBe(60);
    expect(due('2027-02-03T07:30', [60])).toBeNull();
  });

  it('after a gap plans only the latest checkpoint reached, and none more than 14 days late', () => {
    expect(due('2027-02-02T07:30')).toBe(60);
    expect(due('2027-01-16T07:30')).toBe(30); // day 44: 14 days late
    expect(due('2027-01-17T07:30')).toBeNull(); // day 45
  });

  it('plans the checkpoint\'s tasks and emails due from its day, on business days', () => {
    const { steps, warnings } = planCheckpoint(deal, dayZero, playbook.checkpoints[0]!, calendar, at('2027-01-02T07:30'));
    expect(warnings).toEqual([]);
    expect(steps.map((s) => [s.kind, s.stepId, local(s.dueAt)])).toEqual([
      ['task', 'thirty-day-check', '2027-01-04T09:00'], // day 30 is a Saturday: the next business day
      ['email', 'thirty-day-update', '2027-01-04T09:00'],
    ]);
    expect(steps[0]).toMatchObject({ title: '30 days with Acme', ownerId: '200' });
  });
});

describe('a stage change the webhooks missed', () => {
  const since = at('2026-12-04T12:00');
  const watchingSince = at('2026-11-01T00:00');
  const searched = { id: '42', pipeline: 'default', stageId: 'closedwon', enteredStageAt: at('2026-12-04T15:00'), modifiedAt: at('2026-12-04T15:00:01') };
  const lastRecorded = { stageId: 'contractsent', occurredAt: at('2026-12-01T10:00') };

  it('is the deal\'s current stage when it differs from the last one recorded, at the moment HubSpot says it entered it', () => {
    expect(missedStageChange(searched, lastRecorded, playbook, since, watchingSince)).toEqual({ dealId: '42', stageId: 'closedwon', occurredAt: at('2026-12-04T15:00') });
    expect(missedStageChange(searched, undefined, playbook, since, watchingSince)).toEqual({ dealId: '42', stageId: 'closedwon', occurredAt: at('2026-12-04T15:00') });
  });

  it('is nothing when the deal is where first100 last saw it, or in a stage the playbook does not map', () => {
    expect(missedStageChange(searched, { stageId: 'closedwon', occurredAt: at('2026-12-04T15:00') }, playbook, since, watchingSince)).toBeNull();
    expect(missedStageChange({ ...searched, stageId: 'appointmentscheduled' }, lastRecorded, playbook, since, watchingSince)).toBeNull();
  });

  it('falls back to the last modification when the entry date is not after the last recorded change', () => {
    const reentered = { ...searched, stageId: 'contractsent', enteredStageAt: at('2026-11-20T10:00') };
    expect(missedStageChange(reentered, { stageId: 'closedwon', occurredAt: at('2026-12-01T10:00') }, playbook, since, watchingSince)).toEqual({
      dealId: '42',
      stageId: 'contractsent',
      occurredAt: at('2026-12-04T15:00:01'),
    });
  });

  it('is not replayed when it happened before the stretch being reconciled', () => {
    expect(missedStageChange({ ...searched, enteredStageAt: at('2026-12-04T11:00') }, lastRecorded, playbook, since, watchingSince)).toBeNull();
  });

  it('is never replayed when HubSpot cannot date the entry after first100 started watching (imports, old records)', () => {
    expect(missedStageChange({ ...searched, enteredStageAt: null }, undefined, playbook, since, watchingSince)).toBeNull();
    expect(missedStageChange({ ...searched, enteredStageAt: null }, lastRecorded, playbook, since, watchingSince)).toBeNull();
    // Entered long before first100 watched, edited just now: the edit brings it into the search, not into onboarding.
    expect(missedStageChange({ ...searched, enteredStageAt: at('2026-10-31T23:59') }, undefined, playbook, since, watchingSince)).toBeNull();
  });

  it('reads the entry dates of every mapped stage', () => {
    expect(mappedStageIds(playbook)).toEqual(['111', 'closedlost', 'closedwon', 'contractsent', 'qualifiedtobuy']);
  });
});

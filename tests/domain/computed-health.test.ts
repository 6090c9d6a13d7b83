import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import { addBusinessDays, businessDaysBetween } from '../../src/domain/health/business-days.js';
import { computeHealth, HEALTH_PRECEDENCE, type HealthInput, type TrackedTask } from '../../src/domain/health/compute-health.js';
import { describeReasons, TASKS_NAMED } from '../../src/domain/health/describe-reasons.js';
import type { Playbook } from '../../src/domain/playbook-schema.js';

const calendar = createBusinessCalendar({ timezone: 'Europe/Rome', holidays: 'IT', dueTime: '09:00' });
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const phase = (businessDays?: number) => ({ tasks: [], emails: [], ...(businessDays ? { expected: { businessDays } } : {}) });
/** admit 2 + affirm 3 + activate 5: the plan made on day zero ends 10 business days later. */
const playbook: Pick<Playbook, 'phases' | 'health'> = {
  phases: { assess: phase(), admit: phase(2), affirm: phase(3), activate: phase(5), adopt: phase() },
  health: { behind: { overdueShare: 0.25 } },
};
const DAY_ZERO = at('2027-01-08T15:00'); // a Friday

/** A deal that entered affirm on Monday 11 January 2027 and is looked at on Tuesday the 12th: nothing wrong yet. */
function input(over: Partial<HealthInput> = {}): HealthInput {
  return {
    phase: 'affirm', enteredAt: at('2027-01-11T10:00'), dayZero: DAY_ZERO, lastAnswer: null, silentSince: null, tasks: [],
    storedPlannedGoLive: null, playbook, calendar, now: at('2027-01-12T12:00'), ...over,
  };
}
const task = (title: string, dueLocal: string, completed = false, source: TrackedTask['source'] = 'first100'): TrackedTask => ({ title, dueAt: at(dueLocal), completed, source });

describe('business days', () => {
  it('skip weekends and holidays (6 January is Epiphany in Italy)', () => {
    expect(businessDaysBetween(calendar, '2027-01-04', '2027-01-08')).toBe(3);
    expect(businessDaysBetween(calendar, '2027-01-08', '2027-01-10')).toBe(0);
    expect(businessDaysBetween(calendar, '2027-01-08', '2027-01-04')).toBe(-3);
    expect(addBusinessDays(calendar, '2027-01-04', 3)).toBe('2027-01-08');
    expect(addBusinessDays(calendar, '2027-01-09', 0)).toBe('2027-01-09');
  });
});

describe('computed health: each rule', () => {
  it('is on track with no reasons when nothing is wrong', () => {
    const h = computeHealth(input());
    expect(h).toMatchObject({ health: 'on_track', reasons: [], businessDaysInPhase: 1, expectedBusinessDays: 3, dueTasks: 0, overdueTasks: 0 });
  });

  it('is behind when more than the playbook\'s share of due tasks (first100\'s and the client\'s) is still open, naming them by due date', () => {
    const tasks = [
      task('Reassurance call', '2027-01-11T09:00', true),
      task('Send case histories', '2027-01-12T09:00'),
      task('Sign the data agreement', '2027-01-11T17:00', false, 'client'),
      task('Answer the remorse type', '2027-01-12T09:00', true),
      task('Not due yet', '2027-01-13T09:00'),
    ];
    const h = computeHealth(input({ tasks }));
    expect(h.health).toBe('behind');
    expect(h).toMatchObject({ dueTasks: 4, overdueTasks: 2 });
    expect(h.reasons).toEqual([{
      kind: 'overdue-tasks', open: 2, due: 4,
      tasks: [{ title: 'Sign the data agreement', dueDate: '2027-01-11', source: 'client', businessDaysOverdue: 1 }, { title: 'Send case histories', dueDate: '2027-01-12', source: 'first100', businessDaysOverdue: 0 }],
    }]);
  });

  it('is not behind at exactly the threshold (1 of 4 open is 25%, not more)', () => {
    const tasks = ['a', 'b', 'c', 'd'].map((t, i) => task(t, '2027-01-11T09:00', i > 0));
    expect(computeHealth(input({ tasks }))).toMatchObject({ health: 'on_track', dueTasks: 4, overdueTasks: 1, reasons: [] });
    expect(computeHealth(input({ tasks: tasks.slice(1).concat(task('e', '2027-01-11T09:00')) })).health).toBe('on_track');
    expect(computeHealth(input({ tasks: [...tasks, task('e', '2027-01-11T09:00')] })).health).toBe('behind'); // 2 of 5
  });

  it('counts a task as overdue from its due moment, not its due date', () => {
    const tasks = [task('Call', '2027-01-12T15:00')];
    expect(computeHealth(input({ tasks, now: at('2027-01-12T14:59') })).health).toBe('on_track');
    expect(computeHealth(input({ tasks, now: at('2027-01-12T15:00') })).health).toBe('behind');
  });

  it('is stuck once the business days in the phase pass its expected time, saying by how many', () => {
    // affirm expects 3: entered Monday the 11th, the 3rd business day after is Thursday the 14th.
    expect(computeHealth(input({ now: at('2027-01-14T18:00') })).health).toBe('on_track');
    const h = computeHealth(input({ now: at('2027-01-15T08:00') }));
    expect(h.health).toBe('stuck');
    expect(h.reasons).toEqual([{ kind: 'over-expected', phase: 'affirm', businessDaysInPhase: 4, expectedBusinessDays: 3, overBy: 1 }]);
    // A weekend adds nothing.
    expect(computeHealth(input({ now: at('2027-01-17T12:00') })).reasons).toEqual([{ kind: 'over-expected', phase: 'affirm', businessDaysInPhase: 4, expectedBusinessDays: 3, overBy: 1 }]);
  });

  it('is never stuck in a phase the playbook gives no expected time', () => {
    expect(computeHealth(input({ phase: 'adopt', now: at('2027-06-01T12:00') }))).toMatchObject({ health: 'on_track', expectedBusinessDays: null });
  });

  it('is silent while the client is silent past the phase\'s limit', () => {
    const h = computeHealth(input({ silentSince: at('2027-01-12T09:00') }));
    expect(h).toMatchObject({ health: 'silent', reasons: [{ kind: 'silent', since: at('2027-01-12T09:00') }] });
  });

  it('is at risk after a detractor answer, and needs attention after a lukewarm one; a good answer is no reason', () => {
    const answer = (score: number) => ({ lastAnswer: { kind: 'NPS' as const, score, at: at('2027-01-12T10:00') } });
    expect(computeHealth(input(answer(4)))).toMatchObject({ health: 'at_risk', reasons: [{ kind: 'detractor-answer', survey: 'NPS', score: 4 }] });
    expect(computeHealth(input(answer(8)))).toMatchObject({ health: 'needs_attention', reasons: [{ kind: 'lukewarm-answer', survey: 'NPS', score: 8 }] });
    expect(computeHealth(input(answer(10)))).toMatchObject({ health: 'on_track', reasons: [] });
  });
});

describe('computed health: precedence', () => {
  const detractor = { lastAnswer: { kind: 'CSAT' as const, score: 1, at: at('2027-01-12T10:00') } };
  const lukewarm = { lastAnswer: { kind: 'CSAT' as const, score: 3, at: at('2027-01-12T10:00') } };
  const silent = { silentSince: at('2027-01-18T09:00') };
  const stuck = { now: at('2027-01-19T12:00') };
  const behind = { tasks: [task('Overdue', '2027-01-12T09:00')] };

  it('is documented as at risk, silent, stuck, behind, needs attention', () => {
    expect(HEALTH_PRECEDENCE).toEqual(['at_risk', 'silent', 'stuck', 'behind', 'needs_attention']);
  });

  it('takes the most severe rule that fires and lists every reason, most severe first', () => {
    const all = computeHealth(input({ ...detractor, ...silent, ...stuck, ...behind }));
    expect(all.health).toBe('at_risk');
    expect(all.reasons.map((r) => r.kind)).toEqual(['detractor-answer', 'silent', 'over-expected', 'overdue-tasks']);
    expect(computeHealth(input({ ...silent, ...stuck, ...behind })).health).toBe('silent');
    expect(computeHealth(input({ ...stuck, ...behind })).health).toBe('stuck');
    const behindAndLukewarm = computeHealth(input({ ...behind, ...lukewarm }));
    expect(behindAndLukewarm.health).toBe('behind');
    expect(behindAndLukewarm.reasons.map((r) => r.kind)).toEqual(['overdue-tasks', 'lukewarm-answer']);
  });
});

describe('projected go-live and slip', () => {
  it('plans go-live at day zero plus every planned phase\'s expected time, and projects the remaining phases from today', () => {
    // Plan: 10 business days after Friday 8 January = Friday 22. Affirm entered on the 11th ends on the 14th, activate 5 later.
    expect(computeHealth(input())).toMatchObject({ plannedGoLive: '2027-01-22', projectedGoLive: '2027-01-21', slipBusinessDays: -1 });
  });

  it('slips a business day for every business day a phase runs past its expected time', () => {
    expect(computeHealth(input({ now: at('2027-01-19T12:00') }))).toMatchObject({ projectedGoLive: '2027-01-26', slipBusinessDays: 2 });
    expect(computeHealth(input({ now: at('2027-01-20T12:00') }))).toMatchObject({ projectedGoLive: '2027-01-27', slipBusinessDays: 3 });
  });

  it('keeps the plan stored at day zero even when the playbook changes later', () => {
    expect(computeHealth(input({ storedPlannedGoLive: '2027-01-20' }))).toMatchObject({ plannedGoLive: '2027-01-20', slipBusinessDays: 1 });
  });

  it('has no go-live once past the last planned phase, and no slip without day zero', () => {
    expect(computeHealth(input({ phase: 'adopt' }))).toMatchObject({ projectedGoLive: null, slipBusinessDays: null });
    expect(computeHealth(input({ dayZero: null }))).toMatchObject({ plannedGoLive: null, projectedGoLive: '2027-01-21', slipBusinessDays: null });
  });

  it('projects a deal still in the sale (assess) from today through every planned phase', () => {
    expect(computeHealth(input({ phase: 'assess', dayZero: null })).projectedGoLive).toBe(addBusinessDays(calendar, '2027-01-12', 10));
  });
});

describe('health reasons as text', () => {
  it('reads as one line per language, naming at most a few overdue tasks', () => {
    const tasks = Array.from({ length: TASKS_NAMED + 2 }, (_, i) => task(`Task ${i + 1}`, '2027-01-12T09:00'));
    const h = computeHealth(input({ tasks, now: at('2027-01-15T12:00'), silentSince: at('2027-01-14T09:00') }));
    expect(describeReasons(h.reasons, 'en', 'Europe/Rome')).toBe(
      'no contact from the client since 2027-01-14; Affirm: 4 business days in the phase, 1 over the expected 3; 7 of 7 due tasks still open: '
        + '"Task 1" (due 2027-01-12), "Task 2" (due 2027-01-12), "Task 3" (due 2027-01-12), "Task 4" (due 2027-01-12), "Task 5" (due 2027-01-12), and 2 more',
    );
    expect(describeReasons(h.reasons.slice(1, 2), 'it', 'Europe/Rome')).toBe('Rimorso: 4 giorni lavorativi nella fase, 1 oltre i 3 previsti');
    expect(describeReasons([], 'en', 'Europe/Rome')).toBe('');
  });
});

describe('the default playbooks\' expected times', () => {
  it('are the same in both languages, one per onboarding phase, and end within the first 100 days', async () => {
    const { readFileSync } = await import('node:fs');
    const { parsePlaybook } = await import('../../src/domain/playbook-loader.js');
    const expectedOf = (file: string) => {
      const p = parsePlaybook(readFileSync(file, 'utf8'), file);
      return { expected: Object.fromEntries(Object.entries(p.phases).flatMap(([k, v]) => (v?.expected ? [[k, v.expected.businessDays]] : []))), health: p.health };
    };
    const en = expectedOf('playbooks/default.en.yml');
    expect(expectedOf('playbooks/default.it.yml')).toEqual(en);
    expect(Object.keys(en.expected)).toEqual(['admit', 'affirm', 'activate', 'acclimate', 'accomplish']);
    // 100 calendar days hold about 70 business days.
    expect(Object.values(en.expected).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(70);
    expect(en.health).toEqual({ behind: { overdueShare: 0.25 } });
  });
});

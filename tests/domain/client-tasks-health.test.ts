import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import { clientPageView } from '../../src/domain/client-page-view.js';
import { clientTrackedTasks } from '../../src/domain/health/client-tracked-tasks.js';
import { computeHealth, type HealthInput, type TrackedTask } from '../../src/domain/health/compute-health.js';
import { describeReasons } from '../../src/domain/health/describe-reasons.js';
import type { ClientTask, Playbook } from '../../src/domain/playbook-schema.js';

const calendar = createBusinessCalendar({ timezone: 'Europe/Rome', holidays: 'IT', dueTime: '09:00' });
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
const playbook: Pick<Playbook, 'phases' | 'health'> = { phases: { activate: { tasks: [], emails: [], expected: { businessDays: 10 } } }, health: { behind: { overdueShare: 0.25 } } };
/** Entered activate on Monday 11 January 2027. */
const ENTERED = at('2027-01-11T10:00');
const CLIENT_TASKS: ClientTask[] = [
  { id: 'admin-access', title: 'Give us admin access', why: 'So we can configure', due: { businessDays: 1 }, who: 'primary_contact' },
  { id: 'sign-dpa', title: 'Sign the data agreement', why: 'Needed before import', due: { businessDays: 2 }, who: 'primary_contact' },
  { id: 'logo', title: 'Send your logo', why: 'For the portal', due: { businessDays: 8 }, who: 'primary_contact' },
];
const own = (title: string, dueLocal: string, completed: boolean): TrackedTask => ({ title, dueAt: at(dueLocal), completed, source: 'first100' });

function health(done: string[], now: number, tasks: TrackedTask[] = []) {
  const input: HealthInput = {
    phase: 'activate', enteredAt: ENTERED, dayZero: ENTERED, lastAnswer: null, silentSince: null, storedPlannedGoLive: null, playbook, calendar, now,
    tasks: [...tasks, ...clientTrackedTasks(CLIENT_TASKS, ENTERED, new Set(done), calendar)],
  };
  return computeHealth(input);
}

describe('client tasks in the "behind" rule', () => {
  it('are due when the client page says, and completed only when the client marked them done', () => {
    const tracked = clientTrackedTasks(CLIENT_TASKS, ENTERED, new Set(['sign-dpa']), calendar);
    const page = clientPageView({ phase: 'activate', enteredAt: ENTERED, dayZero: ENTERED, answers: new Map() }, { ...playbook, phases: { activate: { tasks: [], emails: [], clientTasks: CLIENT_TASKS } } } as unknown as Playbook, calendar, 'en', ENTERED);
    expect(tracked.map((t) => t.dueAt)).toEqual(page.tasks.map((t) => t.dueAt));
    expect(tracked.map((t) => [t.title, t.completed, t.source])).toEqual([
      ['Give us admin access', false, 'client'], ['Sign the data agreement', true, 'client'], ['Send your logo', false, 'client'],
    ]);
    expect(clientTrackedTasks(undefined, ENTERED, new Set(), calendar)).toEqual([]);
  });

  it('count alongside first100\'s tasks: one client task late of four due makes the deal behind past a 25% share', () => {
    // Thursday 14th: admin access (due Tue 12th) and the agreement (due Wed 13th) are due; first100's two tasks are done.
    const ownDone = [own('Kickoff call', '2027-01-12T09:00', true), own('Send the agenda', '2027-01-13T09:00', true)];
    const h = health(['sign-dpa'], at('2027-01-14T12:00'), ownDone);
    expect(h).toMatchObject({ health: 'on_track', dueTasks: 4, overdueTasks: 1 });
    expect(health([], at('2027-01-14T12:00'), ownDone)).toMatchObject({ health: 'behind', dueTasks: 4, overdueTasks: 2 });
  });

  it('does not count a client task before it is due, nor one marked done', () => {
    expect(health(['admin-access', 'sign-dpa'], at('2027-01-14T12:00'))).toMatchObject({ health: 'on_track', dueTasks: 2, overdueTasks: 0 });
    expect(health([], at('2027-01-12T08:00'))).toMatchObject({ health: 'on_track', dueTasks: 0 });
  });

  it('names the late client task and how many business days late it is, in English and in Italian', () => {
    // Monday 18th: admin access was due Tuesday 12th, 4 business days ago; the agreement is done.
    const h = health(['sign-dpa'], at('2027-01-18T12:00'));
    expect(h.health).toBe('behind');
    expect(h.reasons[0]).toMatchObject({ kind: 'overdue-tasks', tasks: [{ title: 'Give us admin access', source: 'client', businessDaysOverdue: 4 }] });
    expect(describeReasons(h.reasons, 'en', 'Europe/Rome')).toBe('1 of 2 due tasks still open: client task "Give us admin access" (4 business days overdue)');
    expect(describeReasons(h.reasons, 'it', 'Europe/Rome')).toBe('1 compiti scaduti su 2 ancora aperti: attività del cliente "Give us admin access" (in ritardo di 4 giorni lavorativi)');
  });

  it('says "due today" and "1 business day" in words, and keeps the old wording for reasons stored without the days', () => {
    const reason = (businessDaysOverdue?: number) => [{ kind: 'overdue-tasks' as const, open: 1, due: 1, tasks: [{ title: 'X', dueDate: '2027-01-12', source: 'client' as const, ...(businessDaysOverdue === undefined ? {} : { businessDaysOverdue }) }] }];
    expect(describeReasons(reason(0), 'en', 'Europe/Rome')).toContain('client task "X" (due today)');
    expect(describeReasons(reason(1), 'en', 'Europe/Rome')).toContain('client task "X" (1 business day overdue)');
    expect(describeReasons(reason(0), 'it', 'Europe/Rome')).toContain('attività del cliente "X" (scaduta oggi)');
    expect(describeReasons(reason(1), 'it', 'Europe/Rome')).toContain('(in ritardo di 1 giorno lavorativo)');
    expect(describeReasons(reason(), 'en', 'Europe/Rome')).toContain('"X" (client, due 2027-01-12)');
  });
});

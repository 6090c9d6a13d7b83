import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import { planClientTaskReminders, type ClientTaskReminderInput } from '../../src/domain/plan-client-task-reminders.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import type { ClientTaskStatus } from '../../src/domain/client-page-view.js';

const text = readFileSync('playbooks/default.en.yml', 'utf8');
const playbook = parsePlaybook(text, 'default.en.yml');
const calendar = createBusinessCalendar(playbook);
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Rome' }).toMillis();
// Monday 14 December 2026: "kickoff-attendees" is due in 2 business days (Wed 16, 09:00), "documents-and-access" in 3 (Thu 17).
const enteredAt = at('2026-12-14T10:00');

function plan(now: string, answers: Record<string, ClientTaskStatus> = {}, over: Partial<ClientTaskReminderInput> = {}) {
  return planClientTaskReminders({ phase: 'affirm', enteredAt, answers: new Map(Object.entries(answers)), playbook, calendar, now: at(now), ...over }).map((o) => [o.task.id, o.effect, new Date(o.dueAt).toISOString()]);
}

describe('planning the reminders of overdue client tasks (defaults: reminder 2 business days after the due date, PM task after 5)', () => {
  it('plans nothing before the limit, even with the task overdue', () => {
    expect(plan('2026-12-16T09:30')).toEqual([]);
    expect(plan('2026-12-18T08:59')).toEqual([]);
  });

  it('plans the reminder once the limit has passed, counted in business days from the due date', () => {
    expect(plan('2026-12-18T09:00')).toEqual([['kickoff-attendees', 'reminder', new Date(at('2026-12-16T09:00')).toISOString()]]);
  });

  it('plans the PM task after the second limit, with the reminder still due (a sweep that missed days plans both)', () => {
    expect(plan('2026-12-23T09:00')).toEqual([
      ['kickoff-attendees', 'reminder', new Date(at('2026-12-16T09:00')).toISOString()],
      ['kickoff-attendees', 'pm-task', new Date(at('2026-12-16T09:00')).toISOString()],
      ['documents-and-access', 'reminder', new Date(at('2026-12-17T09:00')).toISOString()],
    ]);
    // Thursday 24 is a business day in Italy; Christmas and Saint Stephen's are not.
    expect(plan('2026-12-24T09:00').filter(([, effect]) => effect === 'pm-task').map(([id]) => id)).toEqual(['kickoff-attendees', 'documents-and-access']);
  });

  it('plans nothing for a task the client marked done, nor for one marked stuck (the PM already has a HIGH task)', () => {
    expect(plan('2026-12-28T09:00', { 'kickoff-attendees': 'done', 'documents-and-access': 'stuck' })).toEqual([]);
  });

  it('follows the playbook\'s own limits', () => {
    const strict = { ...playbook, clientTaskReminders: { afterBusinessDays: 0, pmTaskAfterBusinessDays: 1 } };
    expect(plan('2026-12-16T09:00', {}, { playbook: strict }).map(([id, effect]) => `${id} ${effect}`)).toEqual(['kickoff-attendees reminder']);
    expect(plan('2026-12-17T09:00', {}, { playbook: strict }).map(([id, effect]) => `${id} ${effect}`)).toEqual(['kickoff-attendees reminder', 'kickoff-attendees pm-task', 'documents-and-access reminder']);
  });

  it('plans nothing in a phase without client tasks', () => {
    expect(plan('2027-03-01T09:00', {}, { phase: 'adopt' })).toEqual([]);
  });
});

describe('the playbook\'s clientTaskReminders', () => {
  it('is read from the playbook, and refused when the PM task would come before the reminder', () => {
    expect(playbook.clientTaskReminders).toEqual({ afterBusinessDays: 2, pmTaskAfterBusinessDays: 5 });
    const own = (limits: string) => text.replace(/^clientTaskReminders: .*$/m, `clientTaskReminders: ${limits}`);
    expect(parsePlaybook(own('{afterBusinessDays: 1, pmTaskAfterBusinessDays: 3}'), 'own.yml').clientTaskReminders).toEqual({ afterBusinessDays: 1, pmTaskAfterBusinessDays: 3 });
    expect(parsePlaybook(own('{afterBusinessDays: 1, pmTaskAfterBusinessDays: 3}').replace(/^clientTaskReminders: .*$/m, ''), 'absent.yml').clientTaskReminders).toBeUndefined();
    expect(() => parsePlaybook(own('{afterBusinessDays: 3, pmTaskAfterBusinessDays: 3}'), 'bad.yml')).toThrow(/pmTaskAfterBusinessDays must be later than afterBusinessDays/);
  });
});

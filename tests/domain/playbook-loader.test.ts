import { describe, expect, it } from 'vitest';
import { parsePlaybook, PlaybookError } from '../../src/domain/playbook-loader.js';

const valid = `version: 1
name: x
locale: en
timezone: Europe/Rome
pipelines:
  default:
    closedwon: admit
phases:
  admit:
    tasks:
      - id: celebrate
        title: Celebrate
        assignee: deal_owner
        due: {businessDays: 0}
`;

function problemsOf(text: string): string[] {
  try {
    parsePlaybook(text, 'playbooks/mine.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(PlaybookError);
    return (error as PlaybookError).problems;
  }
  throw new Error('expected the playbook to be refused');
}

describe('playbook loader', () => {
  it('fills defaults', () => {
    const playbook = parsePlaybook(valid, 'x.yml');
    expect(playbook.dueTime).toBe('09:00');
    expect(playbook.phases.admit?.tasks[0]).toMatchObject({ priority: 'MEDIUM', type: 'TODO', body: '' });
  });

  it('names the file, line and field of each problem', () => {
    const problems = problemsOf(valid.replace('assignee: deal_owner', 'assignee: the_boss').replace('closedwon: admit', 'closedwon: celebrate'));
    expect(problems).toEqual([
      expect.stringMatching(/^playbooks\/mine\.yml:7: pipelines\.default\.closedwon: /),
      expect.stringMatching(/^playbooks\/mine\.yml:13: phases\.admit\.tasks\.0\.assignee: /),
    ]);
  });

  it('points a missing field at its parent', () => {
    const [problem] = problemsOf(valid.replace('        due: {businessDays: 0}\n', ''));
    expect(problem).toMatch(/^playbooks\/mine\.yml:11: phases\.admit\.tasks\.0\.due: /);
  });

  it('reports YAML syntax errors with their line', () => {
    const [problem] = problemsOf(valid.replace('name: x', 'name: [x'));
    expect(problem).toMatch(/^playbooks\/mine\.yml:\d+: /);
  });

  it('refuses an unknown time zone, a survey without touchpoint and duplicate step ids', () => {
    const text = valid
      .replace('Europe/Rome', 'Europe/Atlantis')
      .concat(`    emails:
      - id: celebrate
        template: result-survey
        send: {days: 1}
        survey: NPS
`);
    const problems = problemsOf(text).join('\n');
    expect(problems).toContain('timezone: not an IANA time zone');
    expect(problems).toContain('touchpoint: a survey email must name its touchpoint');
  });

  it('refuses a touchpoint-survey email that asks no survey: its words come from the touchpoint it asks about', () => {
    const text = valid.concat(`    emails:
      - id: review
        template: touchpoint-survey
        send: {days: 1}
`);
    expect(problemsOf(text).join('\n')).toContain('survey: the touchpoint-survey email asks about its touchpoint: say which survey (NPS, CSAT or CES) and name the touchpoint');
    const accepted = parsePlaybook(text.concat('        survey: CSAT\n        touchpoint: Monthly review\n'), 'playbooks/mine.yml');
    expect(accepted.phases.admit!.emails[0]).toMatchObject({ template: 'touchpoint-survey', survey: 'CSAT', touchpoint: 'Monthly review' });
  });
});

describe('playbook loader: silence and checkpoints', () => {
  const checkIn = `checkIn:
  id: check-in
  title: Call them
  assignee: pm
  due: {businessDays: 0}
`;
  const withSilence = valid.replace('  admit:\n', '  admit:\n    silence: {businessDays: 5}\n');

  it('accepts a silence limit per phase with a check-in task, and checkpoints by day', () => {
    const playbook = parsePlaybook(`${withSilence}${checkIn}checkpoints:\n  - day: 30\n    tasks:\n      - {id: check, title: Check, assignee: pm, due: {days: 1}}\n`, 'mine.yml');
    expect(playbook.phases.admit!.silence).toEqual({ businessDays: 5 });
    expect(playbook.checkIn).toMatchObject({ id: 'check-in', priority: 'MEDIUM', type: 'TODO' });
    expect(playbook.checkpoints.map((c) => c.day)).toEqual([30]);
    expect(parsePlaybook(valid, 'mine.yml').checkpoints).toEqual([]);
  });

  it('refuses a silence limit without a check-in task, saying what to add', () => {
    expect(problemsOf(withSilence)).toEqual([
      'playbooks/mine.yml:1: checkIn: a phase has a silence limit, so the playbook needs a top-level "checkIn" task for silent clients',
    ]);
  });

  it('refuses checkpoints out of order, empty, or on day 0', () => {
    const list = (items: string) => `${valid}checkpoints:\n${items}`;
    const step = '    emails:\n      - {id: update, template: milestone-update, send: {days: 0}}\n';
    expect(problemsOf(list(`  - day: 60\n${step}  - day: 30\n${step}`))[0]).toContain('checkpoints: checkpoints must be listed by day');
    expect(problemsOf(list('  - day: 30\n'))[0]).toContain('checkpoints.0: a checkpoint needs at least one task or email');
    expect(problemsOf(list(`  - day: 0\n${step}`))[0]).toContain("checkpoints.0.day: a checkpoint day counts from 1");
  });
});

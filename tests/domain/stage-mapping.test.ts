import { describe, expect, it } from 'vitest';
import { onboardingDay, calendarDaysBetween } from '../../src/domain/onboarding-day.js';
import { resolveStage } from '../../src/domain/plan-stage-change.js';
import { checkMapping, defaultTarget, proposeMapping, unmappedPipelines, type PortalPipeline } from '../../src/domain/stage-mapping.js';
import { smallPlaybook } from '../support/playbook.js';

const stage = (id: string, isClosed: boolean, probability: number | null) => ({ id, label: id.toUpperCase(), isClosed, probability });
const sales: PortalPipeline = { id: 'default', label: 'Sales', stages: [stage('open', false, 0.3), stage('won', true, 1), stage('lost', true, 0), stage('parked', true, 0.5)] };

describe('stage → phase mapping', () => {
  it('won starts onboarding at admit, lost is lost, open is assess, an unclear closed stage is left to the admin', () => {
    expect(sales.stages.map(defaultTarget)).toEqual(['assess', 'admit', 'lost', undefined]);
  });

  it('keeps what the playbook already says', () => {
    const proposed = proposeMapping([sales], { default: { won: 'activate' } });
    expect(proposed.map((p) => [p.stage.id, p.target, p.kept])).toEqual([
      ['open', 'assess', false],
      ['won', 'activate', true],
      ['lost', 'lost', false],
      ['parked', undefined, false],
    ]);
  });

  it('a portal stage or pipeline named like a JavaScript built-in is not taken as mapped', () => {
    const odd: PortalPipeline = { id: 'constructor', label: 'Odd', stages: [stage('toString', true, 1), stage('constructor', false, 0.2)] };
    const proposed = proposeMapping([odd, { ...sales, stages: [stage('hasOwnProperty', true, 1)] }], { default: { won: 'admit' } });
    expect(proposed.map((p) => [p.stage.id, p.target, p.kept])).toEqual([
      ['toString', 'admit', false],
      ['constructor', 'assess', false],
      ['hasOwnProperty', 'admit', false],
    ]);
    expect(resolveStage(smallPlaybook(), null, 'constructor')).toBeUndefined();
    expect(resolveStage(smallPlaybook(), 'toString', 'closedwon')).toBeUndefined();
    expect(resolveStage(smallPlaybook(), 'default', 'closedwon')).toBe('admit');
  });

  it('finds unknown pipelines and stages, and won stages nobody mapped; a pipeline left out is a choice, not a problem', () => {
    const renewals = { id: '77', label: 'Renewals', stages: [stage('renewed', true, 1)] };
    const mapping = { default: { open: 'assess' as const, gone: 'admit' as const }, '55': { x: 'admit' as const } };
    const problems = checkMapping([sales, renewals], mapping);
    expect(problems.map((p) => [p.severity, p.message.split(':')[0]])).toEqual([
      ['error', 'the playbook maps pipeline "55", which the portal does not have'],
      ['error', 'pipeline "Sales" has no stage "gone"'],
      ['warning', 'won stage "WON" of "Sales" is not mapped'],
    ]);
    expect(unmappedPipelines([sales, renewals], mapping).map((p) => p.id)).toEqual(['77']);
  });
});

describe('day N of 100', () => {
  const tz = 'Europe/Rome';
  it('is day 1 on day zero, counted on calendar dates in the playbook time zone', () => {
    const dayZero = Date.parse('2026-12-04T23:30:00Z'); // 00:30 on 5 December in Rome
    expect(onboardingDay(dayZero, Date.parse('2026-12-05T22:00:00Z'), tz)).toBe(1); // 23:00 on 5 December
    expect(onboardingDay(dayZero, Date.parse('2026-12-05T23:30:00Z'), tz)).toBe(2); // 00:30 on 6 December
    expect(onboardingDay(null, Date.now(), tz)).toBeNull();
  });

  it('counts across the DST change without losing a day', () => {
    expect(calendarDaysBetween(Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-30T12:00:00Z'), tz)).toBe(2);
  });
});

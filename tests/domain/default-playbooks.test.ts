import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { PHASES } from '../../src/domain/phases.js';
import type { Playbook } from '../../src/domain/playbook-schema.js';

const load = (file: string) => parsePlaybook(readFileSync(file, 'utf8'), file);
const en = load('playbooks/default.en.yml');
const it_ = load('playbooks/default.it.yml');

/** Everything but the words: ids, offsets, assignees, templates, surveys, advances, stage mapping. */
function shape(p: Playbook) {
  return {
    pipelines: p.pipelines,
    timezone: p.timezone,
    holidays: p.holidays,
    phases: Object.fromEntries(
      Object.entries(p.phases).map(([phase, plan]) => [
        phase,
        {
          tasks: plan!.tasks.map(({ id, assignee, due, priority, type }) => ({ id, assignee, due, priority, type })),
          emails: plan!.emails.map(({ id, template, to, send, survey }) => ({ id, template, to, send, survey })),
          advance: plan!.advance,
        },
      ]),
    ),
  };
}

describe('the default playbooks', () => {
  it('plan tasks for every one of the 8 phases', () => {
    for (const playbook of [en, it_]) {
      expect(Object.keys(playbook.phases)).toEqual([...PHASES]);
      for (const phase of PHASES) expect(playbook.phases[phase]!.tasks.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('are the same plan in English and Italian, in their own language', () => {
    expect(shape(it_)).toEqual(shape(en));
    expect([en.locale, it_.locale]).toEqual(['en', 'it']);
    expect(it_.phases.admit!.tasks[0]!.title).not.toBe(en.phases.admit!.tasks[0]!.title);
  });

  it('map HubSpot\'s default pipeline: open stages to assess, won to admit, lost to lost', () => {
    expect(en.pipelines.default).toMatchObject({ contractsent: 'assess', closedwon: 'admit', closedlost: 'lost' });
  });

  it('carry the practices of each phase: celebrate and hand off at admit, reassure at affirm, survey at the moments of truth', () => {
    const ids = (phase: keyof Playbook['phases']) => [...en.phases[phase]!.tasks, ...en.phases[phase]!.emails].map((s) => s.id);
    expect(ids('admit')).toEqual(expect.arrayContaining(['celebrate-win', 'announce-new-client', 'handoff-meeting', 'submit-handoff-checklist', 'welcome']));
    expect(ids('affirm')).toEqual(expect.arrayContaining(['share-case-histories', 'answer-remorse-type', 'reassurance']));
    expect(en.phases.activate!.emails[0]).toMatchObject({ survey: 'CSAT', touchpoint: 'Kickoff meeting' });
    expect(en.phases.accomplish!.emails[0]).toMatchObject({ survey: 'NPS' });
    expect(ids('advocate')).toContain('ask-for-referral');
    expect(en.phases.admit!.advance).toEqual({ to: 'affirm', after: { businessDays: 1 } });
  });

  it('watch for silent clients from admit to accomplish (in adopt the client leads), and check in at days 30, 60 and 90, the same in both languages', () => {
    for (const playbook of [en, it_]) {
      const limited = PHASES.filter((phase) => playbook.phases[phase]!.silence);
      expect(limited).toEqual(['admit', 'affirm', 'activate', 'acclimate', 'accomplish']);
      expect(playbook.checkIn).toMatchObject({ id: 'check-in-silent-client', assignee: 'pm', type: 'CALL' });
      expect(playbook.checkpoints.map((c) => c.day)).toEqual([30, 60, 90]);
    }
    const when = (p: Playbook) => ({
      silence: PHASES.map((phase) => p.phases[phase]!.silence ?? null),
      checkpoints: p.checkpoints.map((c) => ({ day: c.day, steps: [...c.tasks, ...c.emails].map((s) => s.id) })),
    });
    expect(when(it_)).toEqual(when(en));
    expect(it_.checkIn!.title).not.toBe(en.checkIn!.title);
    expect(en.checkpoints[2]!.emails.find((e) => e.id === 'ninety-day-survey')).toMatchObject({ survey: 'NPS' });
  });

  it('survey each touchpoint with its own words: the kickoff\'s email for the kickoff, the touchpoint survey on day 90', () => {
    for (const playbook of [en, it_]) {
      expect(playbook.phases.activate!.emails[0]).toMatchObject({ template: 'kickoff-survey', survey: 'CSAT' });
      expect(playbook.phases.accomplish!.emails[0]).toMatchObject({ template: 'result-survey', survey: 'NPS' });
      expect(playbook.checkpoints[2]!.emails.find((e) => e.id === 'ninety-day-survey')).toMatchObject({ template: 'touchpoint-survey', survey: 'NPS' });
    }
    expect(it_.checkpoints[2]!.emails.find((e) => e.id === 'ninety-day-survey')!.touchpoint).toBe('I primi 90 giorni di lavoro insieme');
  });

  it('speak Italian as an Italian professional writes it: HubSpot\'s "trattativa", no calques', () => {
    const text = readFileSync('playbooks/default.it.yml', 'utf8');
    expect(text.replace(/\{\{deal\.name\}\}/g, '')).not.toMatch(/\bdeal\b/);
    expect(text).not.toMatch(/referenz|\bSenti\b|silenzioso"|questionari|fregat/i);
    expect(it_.phases.acclimate!.tasks.find((t) => t.id === 'check-silent-client')!.title).toBe('Chiama {{company.name}} se non si fa sentire da due settimane');
    expect(it_.phases.advocate!.tasks.find((t) => t.id === 'ask-for-referral')!.title).toBe('Chiedi a {{company.name}} di presentarci un contatto o di scrivere una recensione');
  });
});

import { describe, expect, it } from 'vitest';
import { progressReport } from '../../src/domain/progress-report.js';
import { renderEmail } from '../../src/email/render-email.js';
import type { TemplateInput } from '../../src/email/template-types.js';
import type { Locale } from '../../src/domain/phases.js';

const d = (iso: string) => Date.parse(`${iso}T08:00:00Z`);
const checkpoints = [{ day: 30, at: d('2027-01-03') }, { day: 60, at: d('2027-02-02') }, { day: 90, at: d('2027-03-04') }];

describe('a progress report, from what first100 recorded of the deal', () => {
  it('puts the phases gone through behind the client, with their dates, and names what comes next with dates', () => {
    const report = progressReport({
      entries: [
        { phase: 'admit', enteredAt: d('2026-12-05') },
        { phase: 'affirm', enteredAt: d('2026-12-07') },
        { phase: 'activate', enteredAt: d('2026-12-09') },
        { phase: 'acclimate', enteredAt: d('2026-12-18') },
      ],
      checkpoints,
      kickoffAt: d('2026-12-11'),
      now: d('2027-01-10'),
    });
    expect(report.done.map((x) => [x.phase, x.from, x.to])).toEqual([
      ['admit', d('2026-12-05'), d('2026-12-07')],
      ['affirm', d('2026-12-07'), d('2026-12-09')],
      ['activate', d('2026-12-09'), d('2026-12-18')],
    ]);
    expect(report.current).toEqual({ phase: 'acclimate', since: d('2026-12-18') });
    // The kickoff is past and so is day 30: the next two checkpoints, then the next phase.
    expect(report.next).toEqual([{ kind: 'checkpoint', day: 60, at: d('2027-02-02') }, { kind: 'checkpoint', day: 90, at: d('2027-03-04') }, { kind: 'phase', phase: 'accomplish' }]);
  });

  it('a kickoff still ahead comes first; a phase gone back to is no longer behind the client', () => {
    const report = progressReport({
      entries: [
        { phase: 'admit', enteredAt: d('2026-12-05') },
        { phase: 'affirm', enteredAt: d('2026-12-07') },
        { phase: 'activate', enteredAt: d('2026-12-08') },
        { phase: 'affirm', enteredAt: d('2026-12-09') },
      ],
      checkpoints,
      kickoffAt: d('2026-12-14'),
      now: d('2026-12-10'),
    });
    expect(report.done.map((x) => x.phase)).toEqual(['admit']);
    expect(report.current!.phase).toBe('affirm');
    expect(report.next[0]).toEqual({ kind: 'kickoff', at: d('2026-12-14') });
    expect(report.next.at(-1)).toEqual({ kind: 'phase', phase: 'activate' });
  });
});

describe('the milestone update says what was done, what comes next with dates, what we need and whom to turn to', () => {
  const input = (locale: Locale): TemplateInput => ({
    locale, brand: { name: 'Acme', color: '#123456' }, firstName: 'Anna', companyName: 'Rossi Meccanica', dealName: 'ERP rollout',
    phase: 'acclimate', onboardingDay: 37, remorseType: null, handoffAccepted: true, caseHistories: [], survey: null, unsubscribeUrl: 'https://x.invalid/u/1',
    progress: {
      timezone: 'Europe/Rome',
      report: progressReport({
        entries: [{ phase: 'admit', enteredAt: d('2026-12-04') }, { phase: 'activate', enteredAt: d('2026-12-09') }, { phase: 'acclimate', enteredAt: d('2026-12-18') }],
        checkpoints, kickoffAt: null, now: d('2027-01-10'),
      }),
    },
  });

  it('in English', () => {
    const text = renderEmail('milestone-update', input('en')).text;
    expect(text).toContain('Done so far: “Getting started” (Friday 4 December – Wednesday 9 December), “Your kickoff” (Wednesday 9 December – Friday 18 December).');
    expect(text).toContain('What comes next: the review of your first 60 days, from Tuesday 2 February; the review of your first 90 days, from Thursday 4 March; then “Reaching your goal”.');
    expect(text).toContain('What we need from you now: quick answers to our questions, and access to what we need to work.');
    expect(text).toContain('Whom to turn to: your project manager; to reach us, simply reply to this email.');
    expect(text).not.toContain('will share the details of the next milestone');
  });

  it('in Italian', () => {
    const text = renderEmail('milestone-update', input('it')).text;
    expect(text).toContain('Fatto finora: “Si comincia” (venerdì 4 dicembre – mercoledì 9 dicembre), “L’avvio dei lavori” (mercoledì 9 dicembre – venerdì 18 dicembre).');
    expect(text).toContain('Che cosa viene dopo: il punto sui primi 60 giorni, a partire da martedì 2 febbraio; il punto sui primi 90 giorni, a partire da giovedì 4 marzo; poi “Verso l’obiettivo”.');
    expect(text).toContain('Che cosa ci serve da voi ora: risposte rapide alle nostre domande e l’accesso a ciò che ci serve per lavorare.');
    expect(text).toContain('A chi rivolgervi: al vostro project manager; per raggiungerci basta rispondere a questa email.');
  });

  it('names the project manager when HubSpot\'s owners gave their name', () => {
    const team = { pm: { name: 'Laura Bianchi', email: 'laura@acme.example' }, rep: null };
    expect(renderEmail('milestone-update', { ...input('en'), team }).text).toContain('Whom to turn to: Laura Bianchi (laura@acme.example), your project manager;');
    expect(renderEmail('milestone-update', { ...input('it'), team }).text).toContain('A chi rivolgervi: a Laura Bianchi (laura@acme.example), il vostro project manager;');
  });
});

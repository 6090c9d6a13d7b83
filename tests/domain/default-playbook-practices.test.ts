import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import { HANDOFF_ITEMS, REQUIRED_ITEM_COUNT } from '../../src/domain/handoff-items.js';
import type { Locale, Phase } from '../../src/domain/phases.js';
import { planSilence } from '../../src/domain/plan-silence.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import type { Playbook } from '../../src/domain/playbook-schema.js';
import { renderEmail } from '../../src/email/render-email.js';
import type { TemplateInput } from '../../src/email/template-types.js';

const load = (file: string) => parsePlaybook(readFileSync(file, 'utf8'), file);
const PLAYBOOKS: Record<Locale, Playbook> = { en: load('playbooks/default.en.yml'), it: load('playbooks/default.it.yml') };
const ADAPT: Record<Locale, string> = { en: '[ADAPT]', it: '[DA ADATTARE]' };

function task(locale: Locale, phase: Phase, id: string) {
  const found = PLAYBOOKS[locale].phases[phase]!.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id} in ${phase} (${locale})`);
  return found;
}
const words = (locale: Locale, phase: Phase, id: string) => `${task(locale, phase, id).title} ${task(locale, phase, id).body}`;

describe('the practices the default playbooks carry, phase by phase, in both languages', () => {
  it('admit: a symbolic gift or shared moment, which the adopter writes and first100 never promises', () => {
    expect(task('en', 'admit', 'welcome-gift').title).toBe('Send {{company.name}} a symbolic welcome gift, or invite them to a moment together');
    expect(task('it', 'admit', 'welcome-gift').title).toBe('Manda a {{company.name}} un pensiero simbolico di benvenuto, o invita il loro team a un momento insieme');
    for (const locale of ['en', 'it'] as const) {
      expect(task(locale, 'admit', 'welcome-gift').body.startsWith(ADAPT[locale])).toBe(true);
      expect(task(locale, 'admit', 'welcome-gift').assignee).toBe('deal_owner');
    }
    expect(words('en', 'admit', 'welcome-gift')).toContain('promise the client nothing');
    expect(words('it', 'admit', 'welcome-gift')).toContain('non promettere nulla al cliente');
  });

  it('admit: the feeling of joining a select group of clients', () => {
    expect(words('en', 'admit', 'welcome-to-the-circle')).toMatch(/select group of clients.*only clients get/s);
    expect(words('it', 'admit', 'welcome-to-the-circle')).toMatch(/gruppo ristretto di clienti.*riservato ai clienti/s);
  });

  it('activate: a low-cost digital surprise after the kickoff', () => {
    expect(words('en', 'activate', 'digital-surprise')).toMatch(/something small and digital.*costs little/s);
    expect(words('it', 'activate', 'digital-surprise')).toMatch(/piccola sorpresa digitale.*costa poco/s);
    const kickoff = PLAYBOOKS.en.phases.activate!.tasks.find((t) => t.id === 'run-kickoff')!;
    expect(task('en', 'activate', 'digital-surprise').due).toEqual({ businessDays: 5 });
    expect(kickoff.due).toEqual({ businessDays: 3 });
  });

  it('acclimate: our jargon explained, and an introduction to the client community', () => {
    expect(words('en', 'acclimate', 'explain-our-words')).toMatch(/words we use.*glossary/s);
    expect(words('it', 'acclimate', 'explain-our-words')).toMatch(/parole che usiamo.*glossario/s);
    expect(words('en', 'acclimate', 'introduce-community')).toContain('Introduce {{company.name}} to our client community');
    expect(words('it', 'acclimate', 'introduce-community')).toContain('Presenta a {{company.name}} la community dei nostri clienti');
  });

  it('accomplish: materials to keep going on their own', () => {
    expect(words('en', 'accomplish', 'deliver-support-materials')).toMatch(/materials to keep going on their own.*Guides/s);
    expect(words('it', 'accomplish', 'deliver-support-materials')).toMatch(/materiali per proseguire in autonomia.*Guide/s);
  });

  it('adopt: community and the renewal or next-step plan, with the client leading', () => {
    expect(words('en', 'adopt', 'invite-to-community')).toContain('client community');
    expect(words('it', 'adopt', 'invite-to-community')).toContain('community dei clienti');
    expect(words('en', 'adopt', 'renewal-and-next-step')).toMatch(/renewal, extension or a new goal.*client leads the relationship/s);
    expect(words('it', 'adopt', 'renewal-and-next-step')).toMatch(/rinnovo, estensione o un nuovo obiettivo.*cliente a guidare la relazione/s);
  });

  it('adopt: first100 takes the quieter role, no "has gone quiet" alarm however long the client is quiet', () => {
    const calendar = createBusinessCalendar({ timezone: 'Europe/Rome', holidays: 'IT', dueTime: '09:00' });
    const startedAt = Date.parse('2026-01-05T09:00:00Z');
    const now = Date.parse('2026-06-30T09:00:00Z');
    for (const playbook of Object.values(PLAYBOOKS)) {
      const silence = (phase: Phase) => planSilence({ phase, lastContactAt: null, startedAt, silentSince: null, playbook, calendar, now }).silentSince;
      expect(silence('adopt')).toBeNull();
      expect(silence('accomplish')).not.toBeNull(); // the same quiet months before adopt do raise it
    }
  });

  it('handoff: "where the client starts today" is an item of the checklist, optional, in both languages', () => {
    const item = HANDOFF_ITEMS.find((i) => i.key === 'starting_point')!;
    expect(item).toMatchObject({ required: false, label: { en: 'Where the client starts today', it: 'Da dove parte oggi il cliente' } });
    expect(item.fields.map((f) => f.property)).toEqual(['first100_handoff_starting_point']);
    expect(REQUIRED_ITEM_COUNT).toBe(8); // completeness keeps counting the same required items
  });

  it('day 90: the "before" shown back (the before-and-after email, a day before the survey, and the PM\'s task)', () => {
    for (const locale of ['en', 'it'] as const) {
      const day90 = PLAYBOOKS[locale].checkpoints.find((c) => c.day === 90)!;
      expect(day90.emails.map((e) => [e.id, e.template, e.send])).toEqual([
        ['ninety-day-survey', 'touchpoint-survey', { businessDays: 1 }],
        ['before-and-after', 'before-and-after', { businessDays: 0 }],
      ]);
      expect(day90.tasks.map((t) => t.id)).toContain('show-before-and-after');
    }
    expect(PLAYBOOKS.it.checkpoints[2]!.tasks.find((t) => t.id === 'show-before-and-after')!.title).toBe('Mostra a {{company.name}} da dove sono partiti e dove sono oggi');
    const input = (locale: Locale): TemplateInput => ({
      locale, brand: { name: 'Acme', color: '#123456' }, firstName: 'Anna', companyName: 'Rossi Meccanica', dealName: 'ERP rollout',
      phase: 'accomplish', onboardingDay: 90, remorseType: null, handoffAccepted: true, caseHistories: [], survey: null,
      startingPoint: 'Ordini digitati due volte, 3 giorni per chiudere il mese', unsubscribeUrl: 'https://x.invalid/u/1',
    });
    const en = renderEmail('before-and-after', input('en')).text;
    const it_ = renderEmail('before-and-after', input('it')).text;
    expect(en).toContain('this is how you described your starting point:\n\n“Ordini digitati due volte, 3 giorni per chiudere il mese”');
    expect(it_).toContain('avevate descritto così il vostro punto di partenza:\n\n«Ordini digitati due volte, 3 giorni per chiudere il mese»');
    // It claims no result: the "after" is the client's to say.
    expect(en).not.toMatch(/congratulat|achieved|reached/i);
    expect(it_).not.toMatch(/congratul|raggiunt|complimenti/i);
  });

  it('the adopter\'s own parts (gift, surprises, glossary, community) are marked to adapt, never written as promises', () => {
    for (const locale of ['en', 'it'] as const) {
      const marked = Object.values(PLAYBOOKS[locale].phases).flatMap((p) => p!.tasks).filter((t) => t.body.includes(ADAPT[locale])).map((t) => t.id);
      expect(marked.sort()).toEqual(['digital-surprise', 'explain-our-words', 'introduce-community', 'welcome-gift']);
    }
  });
});

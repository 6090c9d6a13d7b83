import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_PHASES } from '../../src/domain/client-phases.js';
import { SURVEY_KINDS, SURVEY_SCALES, type SurveyKind } from '../../src/domain/feedback-scoring.js';
import { REMORSE_TYPES } from '../../src/domain/handoff-items.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { EMAIL_TEMPLATES } from '../../src/domain/playbook-schema.js';
import { PHASE_LABELS, PHASES, type Locale, type Phase } from '../../src/domain/phases.js';
import { surveyQuestion } from '../../src/domain/survey-questions.js';
import { renderEmail } from '../../src/email/render-email.js';
import type { SurveyLinks, TemplateInput } from '../../src/email/template-types.js';
import { escapeHtml } from '../../src/domain/user-text.js';
import { expiredPage, lockedPage, notFoundPage, thanksPage, tooManyPage, unavailablePage, unreadablePage } from '../../src/server/feedback-page/message-pages.js';
import { surveyForm } from '../../src/server/feedback-page/survey-form.js';
import { unsubscribePage } from '../../src/server/unsubscribe-page.js';

const LOCALES = ['en', 'it'] as const;
const playbooks = { en: load('playbooks/default.en.yml'), it: load('playbooks/default.it.yml') };

function load(file: string) {
  return parsePlaybook(readFileSync(file, 'utf8'), file);
}

/** Every internal phase label, both languages: "Rimorso", "Adattamento", "Affirm", "Acclimate"… */
const INTERNAL_LABELS = PHASES.flatMap((p) => Object.values(PHASE_LABELS[p]));

/** The labels found in a text as whole words, in any case (a client must not read "rimorso" either). */
function internalLabelsIn(text: string): string[] {
  return INTERNAL_LABELS.filter((label) => new RegExp(`(?<!\\p{L})${label}(?!\\p{L})`, 'iu').test(text));
}

/** The touchpoints clients are really asked about: the default playbooks' and the README's workflow recipe. */
function touchpoints(locale: Locale): string[] {
  const p = playbooks[locale];
  const emails = [...Object.values(p.phases).flatMap((plan) => plan!.emails), ...p.checkpoints.flatMap((c) => c.emails)];
  const named = emails.flatMap((e) => (e.touchpoint ? [e.touchpoint] : []));
  expect(named.length).toBeGreaterThanOrEqual(3);
  return [...named, locale === 'it' ? 'Revisione mensile' : 'Check-in after a quiet period'];
}

function surveyLinks(kind: SurveyKind, touchpoint: string): SurveyLinks {
  const url = 'https://first100.example.com/feedback/tok123';
  const { min, max } = SURVEY_SCALES[kind];
  return { kind, touchpoint, url, scores: Array.from({ length: max - min + 1 }, (_, n) => ({ score: min + n, url: `${url}?score=${min + n}` })) };
}

function input(locale: Locale, phase: Phase | null, over: Partial<TemplateInput> = {}): TemplateInput {
  const stories = playbooks[locale].caseHistories;
  return {
    locale,
    brand: { name: 'Studio Bianchi Consulting', color: '#1f6feb' },
    firstName: locale === 'it' ? 'Giulia' : 'Sam',
    companyName: locale === 'it' ? 'Rossi Meccanica S.r.l.' : 'Carter Logistics Ltd',
    dealName: locale === 'it' ? 'Nuovo gestionale di magazzino' : 'Warehouse system rollout',
    phase,
    onboardingDay: 42,
    remorseType: null,
    handoffAccepted: false,
    caseHistories: stories.default ?? [],
    survey: null,
    unsubscribeUrl: 'https://first100.example.com/unsubscribe/unsub456',
    clientPageUrl: 'https://first100.example.com/c/page789',
    ...over,
  };
}

/** Every template, for every phase (and none), in both languages, with and without each survey on each touchpoint. */
function everyEmail(locale: Locale): { what: string; text: string }[] {
  const out: { what: string; text: string }[] = [];
  const stories = playbooks[locale].caseHistories;
  for (const template of EMAIL_TEMPLATES) {
    for (const phase of [...PHASES, null]) {
      const variants: Partial<TemplateInput>[] = [
        ...[...REMORSE_TYPES, null].map((remorseType) => ({ remorseType, caseHistories: (remorseType && stories[remorseType]) || stories.default || [] })),
        { handoffAccepted: true },
        { firstName: null, onboardingDay: null },
        ...SURVEY_KINDS.flatMap((kind) => touchpoints(locale).map((t) => ({ survey: surveyLinks(kind, t) }))),
        // The words that follow the PM's records: each accomplish ending, the team named, the adopter's terms.
        ...(['achieved', 'failed', 'achieved_not_satisfied'] as const).map((accomplishOutcome) => ({ accomplishOutcome, survey: surveyLinks('NPS', touchpoints(locale)[0]!) })),
        { team: { pm: { name: 'Giulia Verdi', email: 'giulia@studio.example' }, rep: { name: 'Marco Rossi', email: null } } },
        ...(['product_doubt', 'being_cheated'] as const).map((remorseType) => ({ remorseType, remorseTerms: playbooks[locale].remorseTerms[remorseType]?.terms ?? null })),
      ];
      for (const over of variants) {
        const email = renderEmail(template, input(locale, phase, over));
        out.push({ what: `${template} in ${locale}, phase ${phase}`, text: [email.subject, email.html, email.text].join('\n') });
      }
    }
  }
  return out;
}

describe('what a client reads never names first100\'s internal phase labels', () => {
  it('each phase has a client-facing name and a one-line meaning in both languages, none of them an internal label', () => {
    for (const locale of LOCALES) {
      const names = PHASES.map((p) => CLIENT_PHASES[p][locale].name);
      expect(new Set(names).size).toBe(PHASES.length);
      for (const phase of PHASES) {
        const { name, meaning } = CLIENT_PHASES[phase][locale];
        expect(name.length).toBeGreaterThan(3);
        expect(meaning).toMatch(/^\p{Lu}.{20,120}\.$/u);
        expect(internalLabelsIn(`${name} ${meaning}`)).toEqual([]);
      }
    }
  });

  for (const locale of LOCALES) {
    it(`every email template, for every phase, in ${locale === 'en' ? 'English' : 'Italian'}: subject, HTML and text`, () => {
      const emails = everyEmail(locale);
      expect(emails.length).toBeGreaterThan(EMAIL_TEMPLATES.length * PHASES.length * 10);
      const leaks = emails.flatMap((e) => internalLabelsIn(e.text).map((label) => `${e.what}: "${label}"`));
      expect(leaks).toEqual([]);
    });
  }

  it('the milestone update names the phase in the client\'s words', () => {
    for (const locale of LOCALES) {
      for (const phase of PHASES) {
        const { text } = renderEmail('milestone-update', input(locale, phase));
        expect(text).toContain(`“${CLIENT_PHASES[phase][locale].name}”. ${CLIENT_PHASES[phase][locale].meaning}`);
      }
    }
  });

  it('every survey page and message page, in both languages', () => {
    const pages: string[] = [];
    for (const locale of LOCALES) {
      for (const survey of SURVEY_KINDS) {
        for (const touchpoint of touchpoints(locale)) {
          for (const brand of ['Studio Bianchi Consulting', null]) {
            const base = { locale, token: 'tok123', survey, touchpoint, brand, selected: null, comment: '' };
            pages.push(surveyForm(base), surveyForm({ ...base, error: 'score' }), surveyForm({ ...base, error: 'comment', notice: 'x' }));
          }
        }
      }
      const when = '7 dicembre 2026, 11:00';
      pages.push(thanksPage(locale, 'tok', when), thanksPage(locale, 'tok', null), notFoundPage(locale), expiredPage(locale, when), lockedPage(locale, when));
      pages.push(tooManyPage(locale), unreadablePage(locale, 2000), unavailablePage(locale));
      pages.push(...(['ask', 'done', 'already'] as const).map((view) => unsubscribePage(locale, view, 'Studio Bianchi Consulting')));
    }
    expect(pages.flatMap((html) => internalLabelsIn(html))).toEqual([]);
  });

  it('no client-facing source calls phaseLabel() or reads PHASE_LABELS', () => {
    const files = [...sources('src/email'), ...sources('src/server/feedback-page'), 'src/server/unsubscribe-page.ts'];
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => /phaseLabel|PHASE_LABELS/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});

/**
 * Second-person singular (tu) and courtesy (Lei) forms. Button labels ("Invia la risposta") follow the Italian
 * interface convention, as HubSpot's own "Salva" and "Invia" do, and are not in the list.
 */
const TU = /(?<!\p{L})(tu|ti|te|tuo|tua|tuoi|tue|hai|puoi|vuoi|devi|sai|rispondi|scegli|chiedi|conosci|riprova|attendi|dicci|diccelo)(?!\p{L})/iu;
const LEI = /(?<!\p{L})(Lei|Suo|Sua|Suoi|Sue)(?!\p{L})|(?<!\p{L})(La|Le) (ringraziamo|chiediamo|scriviamo|contatteremo)(?!\p{L})/u;
const VOI = /(?<!\p{L})(voi|vi|ve|vostr[oaie]|avete|siete|volete|potete|rispondete|scegliete|inviate|attendete|riprovate|tornate|verificate|riceverete)(?!\p{L})/iu;

describe('Italian for clients speaks to the company (voi), in every email and page', () => {
  it('no email uses tu or Lei, and every one addresses the client as voi', () => {
    const emails = everyEmail('it');
    expect(emails.filter((e) => TU.test(e.text) || LEI.test(e.text)).map((e) => `${e.what}: ${(e.text.match(TU) ?? e.text.match(LEI))![0]}`)).toEqual([]);
    for (const template of EMAIL_TEMPLATES) expect(renderEmail(template, input('it', 'acclimate')).text, template).toMatch(VOI);
  });

  it('neither do the survey, message and unsubscribe pages', () => {
    const pages = [
      ...SURVEY_KINDS.flatMap((survey) => {
        const base = { locale: 'it' as const, token: 't', survey, touchpoint: 'Riunione di kickoff', brand: 'Studio Bianchi', selected: 3, comment: '' };
        return [surveyForm({ ...base, notice: 'x' }), surveyForm({ ...base, error: 'score' }), surveyForm({ ...base, error: 'comment' })];
      }),
      thanksPage('it', 't', '7 dicembre 2026'), notFoundPage('it'), expiredPage('it', '7 dicembre 2026'), lockedPage('it', '7 dicembre 2026'),
      tooManyPage('it'), unreadablePage('it', 2000), unavailablePage('it'),
      ...(['ask', 'done', 'already'] as const).map((view) => unsubscribePage('it', view, 'Studio Bianchi')),
    ];
    expect(pages.flatMap((html) => [html.match(TU)?.[0], html.match(LEI)?.[0]].filter(Boolean))).toEqual([]);
    expect(pages.filter((html) => !VOI.test(html))).toEqual([]);
  });
});

describe('the survey question is worded once, for the email and the page', () => {
  it('the email and the page ask the same question, in both languages, on every scale', () => {
    for (const locale of LOCALES) {
      for (const kind of SURVEY_KINDS) {
        const touchpoint = locale === 'it' ? 'Revisione mensile' : 'Monthly review';
        const question = surveyQuestion(kind, locale, { touchpoint, brand: 'Studio Bianchi Consulting' });
        const email = renderEmail('touchpoint-survey', input(locale, 'acclimate', { survey: surveyLinks(kind, touchpoint) }));
        const page = surveyForm({ locale, token: 't', survey: kind, touchpoint, brand: 'Studio Bianchi Consulting', selected: null, comment: '' });
        expect(email.text).toContain(question);
        expect(email.html).toContain(escapeHtml(question));
        expect(page).toContain(`<legend>${escapeHtml(question)}</legend>`);
      }
    }
    expect(surveyQuestion('NPS', 'it', { touchpoint: 'x', brand: 'Studio Bianchi' })).toBe('Con quale probabilità consigliereste Studio Bianchi a un amico o a un collega?');
    expect(surveyQuestion('CSAT', 'en', { touchpoint: 'Monthly review', brand: null })).toBe('How satisfied are you with “Monthly review”?');
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

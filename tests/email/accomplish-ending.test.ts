import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SURVEY_SCALES, type SurveyKind } from '../../src/domain/feedback-scoring.js';
import type { Locale } from '../../src/domain/phases.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { ACCOMPLISH_OUTCOMES, type AccomplishOutcome } from '../../src/domain/pm-records.js';
import { WORKFLOW_SURVEY_TEMPLATE } from '../../src/domain/workflow-actions.js';
import { renderEmail } from '../../src/email/render-email.js';
import type { RenderedEmail, SurveyLinks, TemplateInput } from '../../src/email/template-types.js';

const LOCALES = ['en', 'it'] as const;
const playbooks = { en: load('playbooks/default.en.yml'), it: load('playbooks/default.it.yml') };
const CONGRATULATES = /congratulat|complimenti|congratulazioni|avete raggiunto|you reached/i;

function load(file: string) {
  return parsePlaybook(readFileSync(file, 'utf8'), file);
}

function survey(kind: SurveyKind, touchpoint: string): SurveyLinks {
  const url = 'https://first100.example.com/feedback/tok';
  const { min, max } = SURVEY_SCALES[kind];
  return { kind, touchpoint, url, scores: Array.from({ length: max - min + 1 }, (_, n) => ({ score: min + n, url: `${url}?score=${min + n}` })) };
}

function input(locale: Locale, outcome: AccomplishOutcome | null, over: Partial<TemplateInput> = {}): TemplateInput {
  return {
    locale, brand: { name: 'Studio Bianchi', color: '#1f6feb' }, firstName: 'Giulia', companyName: 'Rossi Meccanica', dealName: 'ERP rollout',
    phase: 'accomplish', onboardingDay: 90, remorseType: null, handoffAccepted: true, caseHistories: [], survey: null,
    unsubscribeUrl: 'https://first100.example.com/unsubscribe/u', clientPageUrl: 'https://first100.example.com/c/p', accomplishOutcome: outcome, ...over,
  };
}

const all = (e: RenderedEmail) => `${e.subject}\n${e.text}`;

/** The day-90 email of the default playbook, as the email job renders it for a deal whose ending is `outcome`. */
function day90(locale: Locale, outcome: AccomplishOutcome | null): RenderedEmail {
  const step = playbooks[locale].checkpoints.find((c) => c.day === 90)!.emails[0]!;
  return renderEmail(step.template, input(locale, outcome, { survey: survey(step.survey!, step.touchpoint!) }));
}

const WORDS = {
  failed: { en: 'has not yet given you the result you came to us for', it: 'non vi ha ancora dato ciò per cui ci avete scelto' },
  achieved_not_satisfied: { en: 'Tell us what is still missing', it: 'Diteci che cosa manca ancora' },
  achieved: { en: 'reached the goal you came to us for: congratulations', it: 'ha raggiunto l’obiettivo per cui ci avete scelto: complimenti' },
};

describe('what the client receives follows from the accomplish ending the PM recorded', () => {
  for (const locale of LOCALES) {
    it(`no ending recorded: the day-90 email asks, claims no result, and the PM has a task to record it (${locale})`, () => {
      expect(all(day90(locale, null))).not.toMatch(CONGRATULATES);
      for (const words of Object.values(WORDS)) expect(all(day90(locale, null))).not.toContain(words[locale]);
      const tasks = playbooks[locale].checkpoints.find((c) => c.day === 90)!.tasks;
      expect(tasks).toContainEqual(expect.objectContaining({ id: 'record-accomplish-ending', assignee: 'pm', priority: 'HIGH' }));
      expect(renderEmail('result-ending', input(locale, null)).text).not.toMatch(CONGRATULATES);
    });

    it(`failed: the day-90 email and a workflow NPS own the missed result and celebrate nothing; the ending email is a recovery message (${locale})`, () => {
      for (const email of [day90(locale, 'failed'), renderEmail(WORKFLOW_SURVEY_TEMPLATE, input(locale, 'failed', { survey: survey('NPS', 'Support') }))]) {
        expect(email.text).toContain(WORDS.failed[locale]);
        expect(all(email)).not.toMatch(CONGRATULATES);
      }
      const ending = renderEmail('result-ending', input(locale, 'failed'));
      expect(all(ending)).not.toMatch(CONGRATULATES);
      expect(ending.text).toContain(locale === 'it' ? 'concordare un piano per recuperare' : 'agree a recovery plan');
    });

    it(`achieved but not satisfied: every one of them asks what is missing, and none congratulates (${locale})`, () => {
      expect(day90(locale, 'achieved_not_satisfied').text).toContain(WORDS.achieved_not_satisfied[locale]);
      const ending = renderEmail('result-ending', input(locale, 'achieved_not_satisfied'));
      expect(all(ending)).toContain(locale === 'it' ? 'Che cosa manca ancora?' : 'What is still missing?');
      for (const email of [day90(locale, 'achieved_not_satisfied'), ending]) expect(all(email)).not.toMatch(CONGRATULATES);
    });

    it(`achieved: now, and only now, the emails congratulate (${locale})`, () => {
      expect(day90(locale, 'achieved').text).toContain(WORDS.achieved[locale]);
      expect(all(renderEmail('result-ending', input(locale, 'achieved')))).toMatch(CONGRATULATES);
      expect(all(renderEmail('result-survey', input(locale, 'achieved', { survey: survey('NPS', 'Delivery') })))).toMatch(CONGRATULATES);
    });
  }

  it('the three endings are the seed\'s, and each gives different words', () => {
    expect(ACCOMPLISH_OUTCOMES).toEqual(['achieved', 'failed', 'achieved_not_satisfied']);
    const subjects = ACCOMPLISH_OUTCOMES.map((o) => renderEmail('result-ending', input('en', o)).subject);
    expect(new Set(subjects).size).toBe(3);
  });
});

describe('the reassurance email states the adopter\'s own terms in plain words', () => {
  for (const locale of LOCALES) {
    it(`for "will it work?" and "was I cheated?", the playbook's terms, never "see your contract" (${locale})`, () => {
      const terms = playbooks[locale].remorseTerms;
      for (const type of ['product_doubt', 'being_cheated'] as const) {
        const email = renderEmail('reassurance', input(locale, null, { phase: 'affirm', remorseType: type, remorseTerms: terms[type]!.terms }));
        expect(email.text).toContain(terms[type]!.terms);
        // first100's own words never point at the contract (the adopter's terms may name their agreement).
        expect(all(email).replace(terms[type]!.terms, '')).not.toMatch(/contract|contratto|agreement|accordo|condizioni che avete firmato|terms you signed/i);
      }
    });

    it(`without terms it promises nothing on the adopter's behalf (${locale})`, () => {
      const email = renderEmail('reassurance', input(locale, null, { phase: 'affirm', remorseType: 'being_cheated', remorseTerms: null }));
      expect(all(email)).not.toMatch(/are included|sono incluse|we refund|vi rimborsiamo|contract|contratto/i);
      expect(email.text).toContain(locale === 'it' ? 'Il vostro project manager vi dirà, in parole semplici e per iscritto' : 'Your project manager will tell you, in plain words and in writing');
    });
  }
});

describe('the records are deal properties "first100 setup" creates', () => {
  it('the ending with the seed\'s three values, the kickoff date and the confirmed doubt, in both languages', async () => {
    const { first100Properties } = await import('../../src/hubspot/first100-properties.js');
    for (const locale of LOCALES) {
      const deals = first100Properties(locale).deals;
      expect(deals.find((p) => p.name === 'first100_accomplish_outcome')?.options?.map((o) => o.value)).toEqual(['achieved', 'failed', 'achieved_not_satisfied']);
      expect(deals.find((p) => p.name === 'first100_kickoff_held_at')).toMatchObject({ type: 'date' });
      expect(deals.find((p) => p.name === 'first100_remorse_type')?.options?.map((o) => o.value)).toEqual(['capability', 'others_judgement', 'product_doubt', 'being_cheated']);
    }
  });
});

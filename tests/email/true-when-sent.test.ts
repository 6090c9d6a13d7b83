import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SURVEY_KINDS, SURVEY_SCALES, type SurveyKind } from '../../src/domain/feedback-scoring.js';
import type { Locale } from '../../src/domain/phases.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { EMAIL_TEMPLATES, type EmailTemplate } from '../../src/domain/playbook-schema.js';
import { WORKFLOW_SURVEY_TEMPLATE } from '../../src/domain/workflow-actions.js';
import { renderEmail } from '../../src/email/render-email.js';
import type { RenderedEmail, SurveyLinks, TemplateInput } from '../../src/email/template-types.js';

const LOCALES = ['en', 'it'] as const;
const playbooks = { en: load('playbooks/default.en.yml'), it: load('playbooks/default.it.yml') };

function load(file: string) {
  return parsePlaybook(readFileSync(file, 'utf8'), file);
}

/** Words that celebrate an outcome: nothing in first100 records yet whether the client reached their goal. */
const CONGRATULATES = /congratulat|well done|you (have )?reached|you achieved|complimenti|congratulazioni|felicitazioni|avete raggiunto|ce l’avete fatta|ce l'avete fatta/i;
const KICKOFF = /kickoff|kick-off/i;

function survey(kind: SurveyKind, touchpoint: string): SurveyLinks {
  const url = 'https://first100.example.com/feedback/tok';
  const { min, max } = SURVEY_SCALES[kind];
  return { kind, touchpoint, url, scores: Array.from({ length: max - min + 1 }, (_, n) => ({ score: min + n, url: `${url}?score=${min + n}` })) };
}

function input(locale: Locale, over: Partial<TemplateInput> = {}): TemplateInput {
  return {
    locale,
    brand: { name: 'Studio Bianchi', color: '#1f6feb' },
    firstName: 'Giulia',
    companyName: 'Rossi Meccanica',
    dealName: 'ERP rollout',
    phase: 'admit',
    onboardingDay: 1,
    remorseType: null,
    handoffAccepted: false,
    caseHistories: [],
    survey: null,
    unsubscribeUrl: 'https://first100.example.com/unsubscribe/u',
    clientPageUrl: 'https://first100.example.com/c/p',
    ...over,
  };
}

const all = (e: RenderedEmail) => `${e.subject}\n${e.text}`;

/** A playbook email rendered as the email job renders it: its template, with its survey on its touchpoint. */
function renderStep(locale: Locale, step: EmailTemplate, over: Partial<TemplateInput> = {}): RenderedEmail {
  return renderEmail(step.template, input(locale, { ...(step.survey ? { survey: survey(step.survey, step.touchpoint!) } : {}), ...over }));
}

describe('the welcome on day 0 says only what is true', () => {
  it('before the PM has accepted the handoff it claims nothing has been passed on, and asks to be told if the client must repeat', () => {
    const en = renderEmail('welcome', input('en'));
    const it_ = renderEmail('welcome', input('it'));
    expect(all(en)).not.toMatch(/passed on|already with|handed over/i);
    expect(all(it_)).not.toMatch(/è stato passato|già nelle mani|abbiamo già passato/i);
    expect(en.text).toContain('If we ever ask you again for something you already told us during the sale, tell us: it should not happen.');
    expect(it_.text).toContain('Se vi chiediamo di nuovo qualcosa che ci avete già detto durante la trattativa, fatecelo notare: non dovrebbe succedere.');
  });

  it('once the PM has accepted the handoff it says so', () => {
    expect(renderEmail('welcome', input('en', { handoffAccepted: true })).text).toContain('What you told us during the sale is already with your project manager');
    expect(renderEmail('welcome', input('it', { handoffAccepted: true })).text).toContain('Quanto ci avete raccontato durante la trattativa è già nelle mani del vostro project manager');
  });
});

describe('a workflow survey is about the touchpoint the workflow names', () => {
  for (const locale of LOCALES) {
    it(`a CSAT on "Monthly review" asks about the monthly review, not the kickoff (${locale})`, () => {
      const email = renderEmail(WORKFLOW_SURVEY_TEMPLATE, input(locale, { phase: 'acclimate', survey: survey('CSAT', 'Monthly review') }));
      expect(email.subject).toBe(locale === 'it' ? 'Rossi Meccanica: la vostra opinione su “Monthly review”' : 'Rossi Meccanica: your view on “Monthly review”');
      expect(email.text).toContain(locale === 'it' ? 'Quanto siete soddisfatti di “Monthly review”?' : 'How satisfied are you with “Monthly review”?');
      expect(all(email)).not.toMatch(KICKOFF);
      expect(all(email)).not.toMatch(CONGRATULATES);
    });
  }

  it('an NPS or CES from a workflow neither thanks for a kickoff nor congratulates', () => {
    for (const locale of LOCALES) {
      for (const kind of SURVEY_KINDS) {
        const email = renderEmail(WORKFLOW_SURVEY_TEMPLATE, input(locale, { survey: survey(kind, 'First results review') }));
        expect(all(email)).toContain('“First results review”');
        expect(all(email)).not.toMatch(KICKOFF);
        expect(all(email)).not.toMatch(CONGRATULATES);
      }
    }
  });
});

describe('nothing congratulates a client before the result is known', () => {
  for (const locale of LOCALES) {
    it(`the day-90 checkpoint email is a neutral survey about the first 90 days (${locale})`, () => {
      const day90 = playbooks[locale].checkpoints.find((c) => c.day === 90)!;
      const [step] = day90.emails;
      expect(step).toMatchObject({ template: 'touchpoint-survey', survey: 'NPS' });
      const email = renderStep(locale, step!, { phase: 'acclimate', onboardingDay: 90 });
      expect(email.subject).toContain(`“${step!.touchpoint}”`);
      expect(email.text).toContain(locale === 'it' ? 'Con quale probabilità consigliereste Studio Bianchi' : 'How likely are you to recommend Studio Bianchi');
      expect(all(email)).not.toMatch(CONGRATULATES);
      expect(all(email)).not.toMatch(KICKOFF);
    });

    it(`the accomplish email asks how the client sees the delivery, and celebrates nothing (${locale})`, () => {
      const [step] = playbooks[locale].phases.accomplish!.emails;
      const email = renderStep(locale, step!, { phase: 'accomplish', onboardingDay: 80 });
      expect(all(email)).not.toMatch(CONGRATULATES);
      expect(email.text).toContain(locale === 'it' ? 'Solo voi potete dire se dà a Rossi Meccanica ciò per cui ci avete scelto' : 'Only you can judge whether it gives Rossi Meccanica what you came to us for');
    });
  }

  it('no template congratulates, whatever the phase or survey: none of them knows the outcome', () => {
    for (const locale of LOCALES) {
      for (const template of EMAIL_TEMPLATES) {
        for (const kind of [null, ...SURVEY_KINDS]) {
          const email = renderEmail(template, input(locale, { phase: 'accomplish', ...(kind ? { survey: survey(kind, 'Go-live') } : {}) }));
          expect(all(email), `${template} ${locale} ${kind}`).not.toMatch(CONGRATULATES);
        }
      }
    }
  });

  it('only the kickoff\'s own email speaks of the kickoff among the default playbooks\' surveys', () => {
    for (const locale of LOCALES) {
      const p = playbooks[locale];
      const surveys = [...Object.values(p.phases).flatMap((plan) => plan!.emails), ...p.checkpoints.flatMap((c) => c.emails)].filter((e) => e.survey);
      expect(surveys.map((e) => e.template).sort()).toEqual(['kickoff-survey', 'result-survey', 'touchpoint-survey']);
      for (const step of surveys.filter((e) => e.template !== 'kickoff-survey')) expect(all(renderStep(locale, step))).not.toMatch(KICKOFF);
    }
  });
});

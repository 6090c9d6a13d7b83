import { describe, expect, it } from 'vitest';
import { EMAIL_TEMPLATES } from '../../src/domain/playbook-schema.js';
import { renderEmail } from '../../src/email/render-email.js';
import { composeMessage } from '../../src/email/compose-message.js';
import { parseMessage, surveyLinksIn } from '../../src/email/outbox-reader.js';
import type { SurveyLinks, TemplateInput } from '../../src/email/template-types.js';
import type { Locale } from '../../src/domain/phases.js';

const base = 'https://first100.example.com';
const survey = (kind: 'NPS' | 'CSAT', min: number, max: number, touchpoint = 'Kickoff meeting'): SurveyLinks => ({
  kind,
  touchpoint,
  url: `${base}/feedback/tok123`,
  scores: Array.from({ length: max - min + 1 }, (_, n) => ({ score: min + n, url: `${base}/feedback/tok123?score=${min + n}` })),
});

function input(locale: Locale, over: Partial<TemplateInput> = {}): TemplateInput {
  return {
    locale,
    brand: { name: 'Acme Consulting', color: '#123456' },
    firstName: 'Anna',
    companyName: 'Rossi Meccanica',
    dealName: 'ERP rollout',
    phase: 'acclimate',
    onboardingDay: 23,
    remorseType: 'capability',
    handoffAccepted: false,
    caseHistories: [{ title: 'Example – a small manufacturer', story: 'They made it, one step a week.' }],
    startingPoint: 'Orders typed twice, 3 days to close the month',
    survey: null,
    unsubscribeUrl: `${base}/unsubscribe/unsub456`,
    clientPageUrl: `${base}/c/page789`,
    ...over,
  };
}

// Words that only the right language's version of each template contains.
const EXPECTED: Record<(typeof EMAIL_TEMPLATES)[number], Record<Locale, { subject: string; text: string }>> = {
  welcome: { en: { subject: 'Welcome to Acme Consulting, Rossi Meccanica!', text: 'Hello Anna,' }, it: { subject: 'Benvenuti, Rossi Meccanica: da oggi lavoriamo insieme', text: 'Buongiorno Anna,' } },
  reassurance: { en: { subject: 'Rossi Meccanica, you are in good company', text: 'Example – a small manufacturer' }, it: { subject: 'Rossi Meccanica, siete in buona compagnia', text: 'Example – a small manufacturer' } },
  'kickoff-survey': { en: { subject: 'How did the kickoff go, Rossi Meccanica?', text: 'How satisfied are you with “Kickoff meeting”?' }, it: { subject: 'Com’è andato il kickoff, Rossi Meccanica?', text: 'Quanto siete soddisfatti di “Kickoff meeting”?' } },
  'milestone-update': { en: { subject: 'Rossi Meccanica: day 23 of your first 100 days', text: 'Where we are: “Settling in”. You are getting to know our people' }, it: { subject: 'Rossi Meccanica: giorno 23 dei vostri primi 100', text: 'A che punto siamo: “Trovare il ritmo”. State conoscendo le nostre persone' } },
  'result-survey': { en: { subject: 'Rossi Meccanica, how does the delivery look from your side?', text: 'How likely are you to recommend Acme Consulting' }, it: { subject: 'Rossi Meccanica, come vedete il lavoro consegnato?', text: 'Con quale probabilità consigliereste Acme Consulting' } },
  'touchpoint-survey': { en: { subject: 'Rossi Meccanica: your view on “Monthly review”', text: 'How satisfied are you with “Monthly review”?' }, it: { subject: 'Rossi Meccanica: la vostra opinione su “Monthly review”', text: 'Quanto siete soddisfatti di “Monthly review”?' } },
  'referral-ask': { en: { subject: 'Thank you, Rossi Meccanica: may we ask a favour?', text: 'Do you know someone' }, it: { subject: 'Grazie, Rossi Meccanica: possiamo chiedervi un favore?', text: 'Conoscete qualcuno' } },
  'client-link': { en: { subject: 'Your new link to the Rossi Meccanica project page', text: 'you asked for a new link' }, it: { subject: 'Il nuovo link alla pagina del progetto Rossi Meccanica', text: 'avete chiesto un nuovo link' } },
  // No ending recorded in these inputs: the ending email claims nothing and asks.
  'result-ending': { en: { subject: 'Rossi Meccanica, how did it go from your side?', text: 'only you can say' }, it: { subject: 'Rossi Meccanica, com’è andata dal vostro punto di vista?', text: 'solo voi potete dire' } },
  'pm-introduction': { en: { subject: 'Rossi Meccanica, meet your project manager', text: 'your first call' }, it: { subject: 'Rossi Meccanica, vi presento il vostro project manager', text: 'primo riferimento' } },
  'before-and-after': { en: { subject: 'Rossi Meccanica: where you started, and where you are', text: '“Orders typed twice, 3 days to close the month”' }, it: { subject: 'Rossi Meccanica: da dove siete partiti e dove siete oggi', text: '«Orders typed twice, 3 days to close the month»' } },
  // Without the task it is about (a playbook that lists this template in a phase), the reminder points to the page.
  'client-task-reminder': { en: { subject: 'A reminder about the Rossi Meccanica project', text: 'your project page lists what it is' }, it: { subject: 'Promemoria sul progetto Rossi Meccanica', text: 'lo trovate sulla pagina del vostro progetto' } },
  'client-page': { en: { subject: 'Your Rossi Meccanica project page', text: 'here is the page of our project together' }, it: { subject: 'La pagina del progetto Rossi Meccanica', text: 'ecco la pagina del nostro progetto insieme' } },
};

describe('email templates', () => {
  for (const template of EMAIL_TEMPLATES) {
    for (const locale of ['en', 'it'] as const) {
      it(`${template} renders in ${locale} with its unsubscribe link`, () => {
        const withSurvey =
          template === 'kickoff-survey' ? survey('CSAT', 1, 5) : template === 'result-survey' ? survey('NPS', 0, 10) : template === 'touchpoint-survey' ? survey('CSAT', 1, 5, 'Monthly review') : null;
        const out = renderEmail(template, input(locale, { survey: withSurvey }));
        expect(out.subject).toBe(EXPECTED[template][locale].subject);
        expect(out.text).toContain(EXPECTED[template][locale].text);
        expect(out.html).toContain(`<html lang="${locale}">`);
        expect(out.text).toContain(`${base}/unsubscribe/unsub456`);
        expect(out.html).toContain(`href="${base}/unsubscribe/unsub456"`);
        expect(out.html).not.toMatch(/<script|src=|url\(/i);
        if (withSurvey) {
          const links = surveyLinksIn(out.text);
          expect(links.survey).toBe(`${base}/feedback/tok123`);
          expect(links.scores.map((s) => s.score)).toEqual(withSurvey.scores.map((s) => s.score));
          expect(out.html).toContain(`href="${base}/feedback/tok123?score=${withSurvey.scores.at(-1)!.score}"`);
        }
      });
    }
  }

  it('escapes names from HubSpot and the playbook in the HTML, and keeps them as they are in the text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const out = renderEmail('reassurance', input('en', { firstName: evil, companyName: 'A&B "Co"', caseHistories: [{ title: '<b>t</b>', story: "it's" }] }));
    expect(out.html).not.toContain('<img');
    expect(out.html).toContain('Hello &lt;img src=x onerror=alert(1)&gt;,');
    expect(out.html).toContain('A&amp;B &quot;Co&quot;');
    expect(out.html).toContain('&lt;b&gt;t&lt;/b&gt;');
    expect(out.text).toContain(`Hello ${evil},`);
  });

  it('answers the remorse type recorded at handoff, and a general doubt when none was', () => {
    expect(renderEmail('reassurance', input('en', { remorseType: 'being_cheated' })).text).toContain('what is included after the purchase');
    expect(renderEmail('reassurance', input('it', { remorseType: null })).text).toContain('è normale chiedersi');
  });

  it('builds a message whose survey links survive the mail encoding', async () => {
    const content = renderEmail('result-survey', input('it', { survey: survey('NPS', 0, 10), firstName: 'Niccolò' }));
    const raw = await composeMessage({
      key: 'abc123',
      from: { name: 'Acme', address: 'hello@acme.example' },
      to: { name: 'Niccolò Rossi', address: 'n.rossi@example.com' },
      date: Date.parse('2026-12-01T10:00:00Z'),
      content,
      unsubscribeUrl: `${base}/unsubscribe/unsub456`,
    });
    const parsed = parseMessage(raw);
    expect(parsed.headers['message-id']).toBe('<abc123@acme.example>');
    expect(parsed.headers['list-unsubscribe']).toBe(`<${base}/unsubscribe/unsub456>`);
    expect(parsed.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(parsed.text).toContain('Buongiorno Niccolò,');
    expect(surveyLinksIn(parsed.text).scores).toHaveLength(11);
    expect(parsed.html).toContain('La consegna, dal vostro punto di vista');
  });
});

describe('the reassurance email and a remorse type from outside', () => {
  it.each(['constructor', 'toString', '__proto__'])('"%s" reads as no remorse type: the general words, not a crash', (remorseType) => {
    const general = renderEmail('reassurance', input('en', { remorseType: null }));
    expect(renderEmail('reassurance', input('en', { remorseType })).text).toBe(general.text);
  });
});

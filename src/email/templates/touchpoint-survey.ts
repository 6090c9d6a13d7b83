import type { Locale } from '../../domain/phases.js';
import type { Template, TemplateInput } from '../template-types.js';
import { greeting, signature } from './greeting.js';
import { outcomeLine } from './outcome-line.js';

/** The touchpoint in the adopter's words; the schema makes every touchpoint-survey email ask a survey, so it is there. */
function touchpointOf(i: TemplateInput, locale: Locale): string {
  return i.survey?.touchpoint ?? (locale === 'it' ? 'il lavoro insieme' : 'our work together');
}

/**
 * Any touchpoint the playbook or a workflow names (a review, the first 90 days…): asks how the client lived it,
 * from the outside in, and claims nothing about how it went. The kickoff has its own email.
 */
export const touchpointSurvey: Template = {
  en: (i) => {
    const t = touchpointOf(i, 'en');
    return {
      subject: `${i.companyName}: your view on “${t}”`,
      preheader: 'One question, one click.',
      heading: `Your view on “${t}”`,
      paragraphs: [
        greeting(i.firstName, 'en'),
        `we would like to know how “${t}” went from your side. What looks fine to us and what you experienced are not always the same, and only you can tell us.`,
        ...outcomeLine(i, 'en'),
        ...(i.survey ? ['It takes one click, and only your project manager and the team working with you read the answers.'] : []),
      ],
      closing: ['If something did not go as you expected, tell us plainly: we would rather know now.', ...signature(i.brand.name, 'en')],
    };
  },
  it: (i) => {
    const t = touchpointOf(i, 'it');
    return {
      subject: `${i.companyName}: la vostra opinione su “${t}”`,
      preheader: 'Una domanda, un clic.',
      heading: `La vostra opinione su “${t}”`,
      paragraphs: [
        greeting(i.firstName, 'it'),
        `ci interessa sapere come avete vissuto “${t}”. Quello che a noi sembra andato bene e quello che avete percepito voi non sempre coincidono, e solo voi potete dircelo.`,
        ...outcomeLine(i, 'it'),
        ...(i.survey ? ['Basta un clic, e le risposte le leggono solo il vostro project manager e il team che lavora con voi.'] : []),
      ],
      closing: ['Se qualcosa non è andato come vi aspettavate, ditecelo con franchezza: preferiamo saperlo subito.', ...signature(i.brand.name, 'it')],
    };
  },
};

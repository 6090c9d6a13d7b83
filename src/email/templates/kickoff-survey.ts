import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/** Activate: the kickoff was the first moment of truth; ask how it went (CSAT) while it is fresh. */
export const kickoffSurvey: Template = {
  en: (i) => ({
    subject: `How did the kickoff go, ${i.companyName}?`,
    preheader: 'One question, one click.',
    heading: 'Thank you for the kickoff',
    paragraphs: [
      greeting(i.firstName, 'en'),
      'the kickoff is where we set the course together: goals, roles and the first steps. We would like to know how it went for you.',
      ...(i.survey ? ['It takes one click, and only your project manager and the team working with you read the answers.'] : []),
    ],
    closing: ['If something did not go as you expected, tell us plainly: we would rather know now.', ...signature(i.brand.name, 'en')],
  }),
  it: (i) => ({
    subject: `Com’è andato il kickoff, ${i.companyName}?`,
    preheader: 'Una domanda, un clic.',
    heading: 'Grazie per il kickoff',
    paragraphs: [
      greeting(i.firstName, 'it'),
      'nel kickoff abbiamo fissato insieme obiettivi, ruoli e primi passi. Ci interessa sapere com’è andato dal vostro punto di vista.',
      ...(i.survey ? ['Basta un clic, e le risposte le leggono solo il vostro project manager e il team che lavora con voi.'] : []),
    ],
    closing: ['Se qualcosa non è andato come vi aspettavate, ditecelo con franchezza: preferiamo saperlo subito.', ...signature(i.brand.name, 'it')],
  }),
};

import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';
import { outcomeLine } from './outcome-line.js';

/**
 * Accomplish: the agreed work is delivered. Whether it gave the client what they came for is theirs to say, and
 * nothing records it yet, so this email congratulates nobody: it asks how the client sees the delivery (the
 * seeds: the supplier often thinks all went well while the client does not).
 */
export const resultSurvey: Template = {
  en: (i) => ({
    subject: `${i.companyName}, how does the delivery look from your side?`,
    preheader: 'One question, now that the work we agreed on is delivered.',
    heading: 'The delivery, from your side',
    paragraphs: [
      greeting(i.firstName, 'en'),
      `with ${i.dealName} we have delivered the work we agreed on. Only you can judge whether it gives ${i.companyName} what you came to us for, and we would rather hear it plainly.`,
      ...outcomeLine(i, 'en'),
      ...(i.survey ? ['One question, and a comment if you like: your project manager reads every answer.'] : []),
    ],
    closing: ['If something is missing or not what you expected, reply to this email: better to know now, while there is time to act on it.', ...signature(i.brand.name, 'en')],
  }),
  it: (i) => ({
    subject: `${i.companyName}, come vedete il lavoro consegnato?`,
    preheader: 'Una domanda, ora che il lavoro concordato è stato consegnato.',
    heading: 'La consegna, dal vostro punto di vista',
    paragraphs: [
      greeting(i.firstName, 'it'),
      `per ${i.dealName} abbiamo consegnato il lavoro concordato. Solo voi potete dire se dà a ${i.companyName} ciò per cui ci avete scelto, e preferiamo sentirlo con franchezza.`,
      ...outcomeLine(i, 'it'),
      ...(i.survey ? ['Una domanda, e un commento se volete: il vostro project manager legge ogni risposta.'] : []),
    ],
    closing: ['Se manca qualcosa o non è come vi aspettavate, rispondete a questa email: meglio saperlo adesso, finché c’è tempo per intervenire.', ...signature(i.brand.name, 'it')],
  }),
};

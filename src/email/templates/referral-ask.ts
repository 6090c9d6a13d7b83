import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/** Advocate: a promoter told us they are happy; make it easy and personal to pass the word on. */
export const referralAsk: Template = {
  en: (i) => ({
    subject: `Thank you, ${i.companyName}: may we ask a favour?`,
    preheader: 'Do you know someone facing the challenge you had?',
    heading: 'Thank you for your words',
    paragraphs: [
      greeting(i.firstName, 'en'),
      `you told us that working with ${i.brand.name} went well, and it made our day.`,
      'Do you know someone who faces the same challenge you had? Reply with their name and we will contact them mentioning you, only if you agree. A short review in your own words helps just as much.',
    ],
    closing: ['Whatever you decide, thank you for being our client.', ...signature(i.brand.name, 'en')],
  }),
  it: (i) => ({
    subject: `Grazie, ${i.companyName}: possiamo chiedervi un favore?`,
    preheader: 'Conoscete qualcuno che affronta la sfida che avevate voi?',
    heading: 'Grazie per le vostre parole',
    paragraphs: [
      greeting(i.firstName, 'it'),
      `ci avete detto che vi siete trovati bene a lavorare con ${i.brand.name}, e ci ha fatto davvero piacere.`,
      'Conoscete qualcuno che affronta la stessa sfida che avevate voi? Rispondete indicandoci chi è: lo contatteremo a nome vostro, solo se siete d’accordo. Anche una breve recensione, con parole vostre, ci aiuta molto.',
    ],
    closing: ['Qualunque cosa decidiate, grazie di essere nostri clienti.', ...signature(i.brand.name, 'it')],
  }),
};

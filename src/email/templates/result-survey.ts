import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/** Accomplish: the agreed result is delivered; celebrate it and ask how the client sees us now (NPS). */
export const resultSurvey: Template = {
  en: (i) => ({
    subject: `${i.companyName}, you reached the result: congratulations!`,
    preheader: 'A milestone worth celebrating, and one question for you.',
    heading: 'Congratulations on the result',
    paragraphs: [
      greeting(i.firstName, 'en'),
      `${i.dealName} reached the result we agreed on. It is your team's achievement as much as ours, and we wanted to say so.`,
      ...(i.survey ? ['Now that you have seen the whole journey, one question matters a lot to us.'] : []),
    ],
    closing: ['Thank you for the trust you gave us along the way.', ...signature(i.brand.name, 'en')],
  }),
  it: (i) => ({
    subject: `${i.companyName}, avete raggiunto il risultato: complimenti!`,
    preheader: 'Un traguardo da festeggiare, e una domanda per te.',
    heading: 'Complimenti per il risultato',
    paragraphs: [
      greeting(i.firstName, 'it'),
      `${i.dealName} ha raggiunto il risultato che avevamo concordato. È un successo del vostro team quanto del nostro, e volevamo dirvelo.`,
      ...(i.survey ? ['Ora che hai visto tutto il percorso, una domanda per noi conta molto.'] : []),
    ],
    closing: ['Grazie per la fiducia che ci avete dato lungo la strada.', ...signature(i.brand.name, 'it')],
  }),
};

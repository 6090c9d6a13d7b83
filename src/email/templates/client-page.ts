import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/**
 * The client's page, sent when the PM presses "Send the client their page" on the deal card. It says what the page
 * holds; the layout adds the contact's own link, as it does to every email.
 */
export const clientPage: Template = {
  en: (i) => ({
    subject: `Your ${i.companyName} project page`,
    preheader: 'Where the project stands, what comes next and what we need from you, on one page.',
    heading: 'Your project page',
    paragraphs: [
      greeting(i.firstName, 'en'),
      'here is the page of our project together: where we are, what comes next, what we need from you, and whom to call on our team.',
      'There you can also mark your tasks done, or tell us if something is in the way. It works on your phone too.',
      'The link is personal: please do not forward it. If it stops working, the page itself lets you ask for a new one.',
    ],
    closing: signature(i.brand.name, 'en'),
  }),
  it: (i) => ({
    subject: `La pagina del progetto ${i.companyName}`,
    preheader: 'A che punto siamo, che cosa viene dopo e che cosa ci serve da voi, in una sola pagina.',
    heading: 'La pagina del vostro progetto',
    paragraphs: [
      greeting(i.firstName, 'it'),
      'ecco la pagina del nostro progetto insieme: a che punto siamo, che cosa viene dopo, che cosa ci serve da voi e chi contattare nel nostro team.',
      'Lì potete anche segnare come completate le vostre attività, oppure dirci se qualcosa vi blocca. Funziona anche dal telefono.',
      'Il link è personale: vi chiediamo di non inoltrarlo. Se smette di funzionare, dalla pagina stessa potete chiederne uno nuovo.',
    ],
    closing: signature(i.brand.name, 'it'),
  }),
};

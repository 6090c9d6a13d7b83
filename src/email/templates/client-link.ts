import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/**
 * A fresh link to the client's own page, asked for on the page when an old link had expired or was replaced. The
 * layout adds the link itself, as it does to every email; this one says only why it came.
 */
export const clientLink: Template = {
  en: (i) => ({
    subject: `Your new link to the ${i.companyName} project page`,
    preheader: 'You asked for a new link to your project page: here it is.',
    heading: 'Your new link',
    paragraphs: [
      greeting(i.firstName, 'en'),
      'you asked for a new link to your project page, and here it is. The old link no longer works.',
      'If you did not ask for it, you can ignore this email: the link reaches only this address.',
    ],
    closing: signature(i.brand.name, 'en'),
  }),
  it: (i) => ({
    subject: `Il nuovo link alla pagina del progetto ${i.companyName}`,
    preheader: 'Avete chiesto un nuovo link alla pagina del progetto: eccolo.',
    heading: 'Il vostro nuovo link',
    paragraphs: [
      greeting(i.firstName, 'it'),
      'avete chiesto un nuovo link alla pagina del vostro progetto: eccolo. Il link precedente non funziona più.',
      'Se non l’avete chiesto voi, potete ignorare questa email: il link arriva solo a questo indirizzo.',
    ],
    closing: signature(i.brand.name, 'it'),
  }),
};

import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/** Admit: the contract is signed. Celebrate the relationship, and say what happens next. */
export const welcome: Template = {
  en: (i) => ({
    subject: `Welcome to ${i.brand.name}, ${i.companyName}!`,
    preheader: 'Today we start working together: here is what happens next.',
    heading: `Welcome aboard, ${i.companyName}`,
    paragraphs: [
      greeting(i.firstName, 'en'),
      `today ${i.companyName} and ${i.brand.name} start working together, and the whole team is glad of it, not only the people you met during the sale.`,
      'In the next few days your project manager will get in touch to plan the kickoff. Everything you told us so far has been passed on, so you will not have to repeat yourself.',
      'If anything is unclear, or you simply want to talk to someone, reply to this email: a person reads it.',
    ],
    closing: ['Thank you for choosing us.', ...signature(i.brand.name, 'en')],
  }),
  it: (i) => ({
    subject: `Benvenuti in ${i.brand.name}, ${i.companyName}!`,
    preheader: 'Oggi iniziamo a lavorare insieme: ecco cosa succede adesso.',
    heading: `Benvenuti a bordo, ${i.companyName}`,
    paragraphs: [
      greeting(i.firstName, 'it'),
      `da oggi ${i.companyName} e ${i.brand.name} lavorano insieme, e tutto il team ne è felice, non solo le persone che hai conosciuto durante la trattativa.`,
      'Nei prossimi giorni il tuo project manager ti contatterà per organizzare il kickoff. Tutto quello che ci hai raccontato finora è stato passato a chi seguirà il progetto: non dovrai ripeterlo.',
      'Se qualcosa non è chiaro, o vuoi semplicemente parlare con qualcuno, rispondi a questa email: la legge una persona.',
    ],
    closing: ['Grazie per averci scelto.', ...signature(i.brand.name, 'it')],
  }),
};

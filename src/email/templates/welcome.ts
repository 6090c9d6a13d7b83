import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/**
 * Admit: the contract is signed. Celebrate the relationship and say what happens next. It goes out on day 0,
 * usually before sales has handed the client over: it says the client's words reached the PM only once the PM
 * has accepted the handoff, and otherwise asks the client to tell us if they are ever made to repeat themselves.
 */
export const welcome: Template = {
  en: (i) => ({
    subject: `Welcome to ${i.brand.name}, ${i.companyName}!`,
    preheader: 'Today we start working together: here is what happens next.',
    heading: `Welcome aboard, ${i.companyName}`,
    paragraphs: [
      greeting(i.firstName, 'en'),
      `today ${i.companyName} and ${i.brand.name} start working together, and the whole team is glad of it, not only the people you met during the sale.`,
      'In the next few days your project manager will get in touch to plan the kickoff with you.',
      i.handoffAccepted
        ? 'What you told us during the sale is already with your project manager, so you will not have to repeat it.'
        : 'If we ever ask you again for something you already told us during the sale, tell us: it should not happen.',
      'If anything is unclear, or you simply want to talk to someone, reply to this email: a person reads it.',
    ],
    closing: ['Thank you for choosing us.', ...signature(i.brand.name, 'en')],
  }),
  it: (i) => ({
    subject: `Benvenuti, ${i.companyName}: da oggi lavoriamo insieme`,
    preheader: 'Oggi iniziamo a lavorare insieme: ecco che cosa succede adesso.',
    heading: `Benvenuti, ${i.companyName}`,
    paragraphs: [
      greeting(i.firstName, 'it'),
      `da oggi ${i.companyName} e ${i.brand.name} lavorano insieme, e ne è contento tutto il nostro team, non solo le persone che avete conosciuto durante la trattativa.`,
      'Nei prossimi giorni il vostro project manager vi contatterà per organizzare insieme il kickoff.',
      i.handoffAccepted
        ? 'Quanto ci avete raccontato durante la trattativa è già nelle mani del vostro project manager: non dovrete ripeterlo.'
        : 'Se vi chiediamo di nuovo qualcosa che ci avete già detto durante la trattativa, fatecelo notare: non dovrebbe succedere.',
      'Se qualcosa non è chiaro, o volete semplicemente parlare con qualcuno, rispondete a questa email: la legge una persona.',
    ],
    closing: ['Grazie per averci scelto.', ...signature(i.brand.name, 'it')],
  }),
};

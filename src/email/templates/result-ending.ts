import type { Locale } from '../../domain/phases.js';
import type { EmailContent, Template, TemplateInput } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/**
 * Accomplish, once the PM has recorded how it ended (the seed's three endings). Achieved: celebrate it and mark the
 * milestone. Failed: say so, own it, and tell the client what happens now (the PM has a task to agree a recovery
 * plan). Achieved but not satisfied: ask what is missing. With no ending recorded it claims nothing and asks.
 */
function ending(i: TemplateInput, locale: Locale): Omit<EmailContent, 'closing'> & { closing: string } {
  const it = locale === 'it';
  switch (i.accomplishOutcome ?? null) {
    case 'achieved':
      return it
        ? { subject: `${i.companyName}, avete raggiunto il vostro obiettivo`, preheader: 'Un traguardo da segnare, insieme.', heading: 'Obiettivo raggiunto: complimenti',
            paragraphs: [`con ${i.dealName} avete ottenuto quello per cui ci avete scelto. È un traguardo vostro, e vogliamo che duri: il vostro project manager vi consegnerà un breve resoconto di che cosa è stato raggiunto rispetto ai criteri di successo fissati all’inizio.`, 'Grazie per la fiducia e per il lavoro che ci avete messo.'],
            closing: 'Se volete fissare i prossimi obiettivi, rispondete a questa email: ne parliamo volentieri.' }
        : { subject: `${i.companyName}, you reached your goal`, preheader: 'A milestone worth marking, together.', heading: 'Goal reached: congratulations',
            paragraphs: [`with ${i.dealName} you got what you came to us for. It is your result, and we want it to last: your project manager will give you a short report of what was achieved against the success criteria set at the start.`, 'Thank you for your trust and for the work you put into it.'],
            closing: 'If you would like to set the next goals, reply to this email: we would be glad to talk about it.' };
    case 'failed':
      return it
        ? { subject: `${i.companyName}: l’obiettivo non è stato raggiunto, ed ecco che cosa facciamo`, preheader: 'Ce ne assumiamo la responsabilità.', heading: 'L’obiettivo non è ancora raggiunto',
            paragraphs: [`con ${i.dealName} non avete ancora ottenuto quello per cui ci avete scelto, e non vogliamo girarci intorno: ce ne assumiamo la responsabilità.`, 'Il vostro project manager vi chiamerà nei prossimi giorni per capire con voi che cosa non ha funzionato e concordare un piano per recuperare, con date e persone precise.'],
            closing: 'Se preferite parlarne subito, rispondete a questa email: vi richiamiamo noi.' }
        : { subject: `${i.companyName}: the result is not there yet, and here is what we do`, preheader: 'We take responsibility for it.', heading: 'The result is not there yet',
            paragraphs: [`with ${i.dealName} you have not yet got what you came to us for, and we will not dress it up: we take responsibility for it.`, 'Your project manager will call you in the next few days to understand with you what did not work and to agree a recovery plan, with dates and names.'],
            closing: 'If you would rather talk about it now, reply to this email and we will call you.' };
    case 'achieved_not_satisfied':
      return it
        ? { subject: `${i.companyName}, che cosa manca ancora?`, preheader: 'L’obiettivo è raggiunto, ma vogliamo sapere che cosa non vi convince.', heading: 'Che cosa manca ancora?',
            paragraphs: [`con ${i.dealName} l’obiettivo concordato è stato raggiunto, ma abbiamo capito che non siete pienamente soddisfatti. Un obiettivo raggiunto vale poco se il modo in cui ci si è arrivati lascia qualcosa in sospeso.`, 'Che cosa è mancato, nel lavoro o nel rapporto con noi? Rispondete a questa email con parole vostre, anche solo una riga: il vostro project manager la legge e vi ricontatta.'],
            closing: 'Preferiamo sapere che cosa non va adesso, finché possiamo ancora rimediare.' }
        : { subject: `${i.companyName}, what is still missing?`, preheader: 'The goal is reached, but we want to know what does not convince you.', heading: 'What is still missing?',
            paragraphs: [`with ${i.dealName} the agreed goal was reached, but we understand you are not fully satisfied. A result is worth little if the way there left something unresolved.`, 'What was missing, in the work or in working with us? Reply to this email in your own words, even one line: your project manager reads it and will get back to you.'],
            closing: 'We would rather know what is wrong now, while we can still put it right.' };
    default:
      return it
        ? { subject: `${i.companyName}, com’è andata dal vostro punto di vista?`, preheader: 'Solo voi potete dire se avete ottenuto quello che cercavate.', heading: 'Com’è andata, per voi?',
            paragraphs: [`solo voi potete dire se ${i.dealName} vi ha dato quello per cui ci avete scelto. Rispondete a questa email con una riga: il vostro project manager la legge.`],
            closing: 'Qualunque sia la risposta, preferiamo saperla con franchezza.' }
        : { subject: `${i.companyName}, how did it go from your side?`, preheader: 'Only you can say whether you got what you came for.', heading: 'How did it go, for you?',
            paragraphs: [`only you can say whether ${i.dealName} gave you what you came to us for. Reply to this email with a line: your project manager reads it.`],
            closing: 'Whatever the answer, we would rather hear it plainly.' };
  }
}

export const resultEnding: Template = {
  en: (i) => {
    const e = ending(i, 'en');
    return { ...e, paragraphs: [greeting(i.firstName, 'en'), ...e.paragraphs], closing: [e.closing, ...signature(i.brand.name, 'en')] };
  },
  it: (i) => {
    const e = ending(i, 'it');
    return { ...e, paragraphs: [greeting(i.firstName, 'it'), ...e.paragraphs], closing: [e.closing, ...signature(i.brand.name, 'it')] };
  },
};

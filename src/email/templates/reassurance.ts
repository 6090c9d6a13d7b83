import { ownEntry } from '../../domain/own-entry.js';
import type { Locale } from '../../domain/phases.js';
import type { Template, TemplateInput } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/** Answers the doubt the handoff recorded (REMORSE_TYPES), or a general one when none was. */
const INTRO: Record<string, Record<Locale, string>> = {
  capability: {
    en: 'Many teams wonder at first whether they will manage the change on top of their daily work. They do, one step at a time, and we walk each step with them.',
    it: 'Molti team all’inizio si chiedono se riusciranno a gestire il cambiamento insieme al lavoro di ogni giorno. Ci riescono, un passo alla volta, e ogni passo lo facciamo insieme.',
  },
  others_judgement: {
    en: 'A decision like this is also seen by colleagues and managers. It helps to know that others in your position made the same choice and were glad of it.',
    it: 'Una decisione come questa la vedono anche colleghi e responsabili. Aiuta sapere che altri nella vostra posizione hanno fatto la stessa scelta e ne sono contenti.',
  },
  product_doubt: {
    en: 'It is fair to wonder whether it will really work for you. You do not have to take our word for it: here is what we commit to, in plain words.',
    it: 'È giusto chiedersi se funzionerà davvero per voi. Non dovete fidarvi sulla parola: ecco il nostro impegno, in parole semplici.',
  },
  being_cheated: {
    en: 'Nobody likes to find out after a purchase that what they expected costs extra. Here is what you get after the purchase, in plain words.',
    it: 'A nessuno piace scoprire dopo l’acquisto che quello che si aspettava costa a parte. Ecco che cosa avete dopo l’acquisto, in parole semplici.',
  },
  default: {
    en: 'A few days after a decision like this it is normal to wonder whether it was the right one. Here is how the first weeks went for clients like you.',
    it: 'Qualche giorno dopo una decisione come questa è normale chiedersi se sia stata quella giusta. Ecco come sono andate le prime settimane per clienti come voi.',
  },
};

/** Without the adopter's terms the email promises nothing on their behalf: the PM answers in person. */
const WITHOUT_TERMS: Record<string, Record<Locale, string>> = {
  product_doubt: {
    en: 'It is fair to wonder whether it will really work for you. Your project manager will tell you, in plain words and in writing, what happens if it does not.',
    it: 'È giusto chiedersi se funzionerà davvero per voi. Il vostro project manager vi dirà, in parole semplici e per iscritto, che cosa succede se non funziona.',
  },
  being_cheated: {
    en: 'Nobody likes surprises after a purchase. Your project manager will tell you, in plain words and in writing, what is included after the purchase.',
    it: 'A nessuno piacciono le sorprese dopo un acquisto. Il vostro project manager vi dirà, in parole semplici e per iscritto, che cosa è incluso dopo l’acquisto.',
  },
};

/** The intro for the doubt, then the adopter's own terms as the playbook states them (never "see your contract"). */
function introOf(i: TemplateInput, locale: Locale): string[] {
  const type = i.remorseType ?? 'default';
  const terms = i.remorseTerms?.trim() || null;
  const fallback = terms ? undefined : ownEntry(WITHOUT_TERMS, type);
  if (fallback) return [fallback[locale]];
  return [(ownEntry(INTRO, type) ?? INTRO.default!)[locale], ...(terms ? [terms] : [])];
}

/** Affirm (buyer's remorse): reassure with stories of clients like them, matched to the doubt recorded at handoff. */
export const reassurance: Template = {
  en: (i) => ({
    subject: `${i.companyName}, you are in good company`,
    preheader: 'How the first weeks went for clients like you.',
    heading: 'You made a good choice, and we will prove it',
    paragraphs: [greeting(i.firstName, 'en'), ...introOf(i, 'en')],
    ...(i.caseHistories.length > 0
      ? { stories: { intro: 'Stories of clients who started where you are now:', items: i.caseHistories, note: 'Would you like to hear it from one of them? Reply to this email and we will put you in touch.' } }
      : {}),
    closing: ['For any question, however small, just reply to this email.', ...signature(i.brand.name, 'en')],
  }),
  it: (i) => ({
    subject: `${i.companyName}, siete in buona compagnia`,
    preheader: 'Come sono andate le prime settimane per clienti come voi.',
    heading: 'Avete fatto una buona scelta, e ve lo dimostreremo',
    paragraphs: [greeting(i.firstName, 'it'), ...introOf(i, 'it')],
    ...(i.caseHistories.length > 0
      ? { stories: { intro: 'Storie di clienti che sono partiti da dove siete voi adesso:', items: i.caseHistories, note: 'Volete sentirlo direttamente da uno di loro? Rispondete a questa email e vi metteremo in contatto.' } }
      : {}),
    closing: ['Per qualsiasi domanda, anche piccola, basta rispondere a questa email.', ...signature(i.brand.name, 'it')],
  }),
};

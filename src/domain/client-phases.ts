import type { Locale, Phase } from './phases.js';

/** How a client hears a phase: a short name and one line on what it means for them. */
export interface ClientPhase {
  name: string;
  meaning: string;
}

/**
 * The only phase words a client ever reads (emails, survey and unsubscribe pages). The internal labels of
 * phases.ts ("Affirm", "Rimorso", "Adattamento"…) are the team's vocabulary: they describe the client's feelings
 * from the outside and would read as odd or alarming to the client. Italian speaks to the client's company (voi).
 * The accomplish phase promises no outcome: the result is the client's to judge.
 */
export const CLIENT_PHASES: Record<Phase, Record<Locale, ClientPhase>> = {
  assess: {
    en: { name: 'Getting to know each other', meaning: 'You are seeing how we work, and we are learning what you need.' },
    it: { name: 'Conoscersi', meaning: 'State vedendo come lavoriamo, e noi stiamo capendo di che cosa avete bisogno.' },
  },
  admit: {
    en: { name: 'Getting started', meaning: 'The agreement is signed: we are getting your project and the people who will run it ready.' },
    it: { name: 'Si comincia', meaning: 'L’accordo è firmato: stiamo preparando il progetto e le persone che lo seguiranno.' },
  },
  affirm: {
    en: { name: 'Your first days', meaning: 'We are preparing the kickoff, and any question about what comes next is welcome.' },
    it: { name: 'I primi giorni', meaning: 'Stiamo preparando il kickoff, e ogni domanda su quello che vi aspetta è benvenuta.' },
  },
  activate: {
    en: { name: 'Your kickoff', meaning: 'We start working together and agree on goals, roles and the first steps.' },
    it: { name: 'L’avvio dei lavori', meaning: 'Iniziamo a lavorare insieme e fissiamo obiettivi, ruoli e primi passi.' },
  },
  acclimate: {
    en: { name: 'Settling in', meaning: 'You are getting to know our people, our way of working and the tools we use.' },
    it: { name: 'Trovare il ritmo', meaning: 'State conoscendo le nostre persone, il nostro metodo e gli strumenti che usiamo.' },
  },
  accomplish: {
    en: { name: 'Reaching your goal', meaning: 'We deliver what you came to us for, and check it with you against your goals.' },
    it: { name: 'Verso l’obiettivo', meaning: 'Consegniamo ciò per cui ci avete scelto e lo verifichiamo con voi rispetto ai vostri obiettivi.' },
  },
  adopt: {
    en: { name: 'Going further', meaning: 'What we built is yours to grow: together we plan your next goals.' },
    it: { name: 'Andare oltre', meaning: 'Quello che abbiamo costruito è vostro: insieme pianifichiamo i prossimi obiettivi.' },
  },
  advocate: {
    en: { name: 'Sharing your experience', meaning: 'You tell us how working together went, and others too if you wish.' },
    it: { name: 'Raccontare l’esperienza', meaning: 'Ci dite com’è andato il lavoro insieme e, se lo desiderate, lo raccontate anche ad altri.' },
  },
};

export function clientPhase(phase: Phase, locale: Locale): ClientPhase {
  return CLIENT_PHASES[phase][locale];
}

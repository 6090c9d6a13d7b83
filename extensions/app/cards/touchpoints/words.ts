import type { Locale } from '../lib/i18n';

/** The cards' words for the scales and the team-vs-client view (internal: shown to the team only). */
const en = {
  heading: "Team's view and client's view",
  intro: 'For each touchpoint the client is surveyed on, the team rates it from its side on the same scale. A gap of 2 points or more is flagged.',
  touchpoint: 'Touchpoint',
  teamView: "Team's view",
  clientView: "Client's view",
  gap: 'Gap',
  notRated: 'Not rated yet',
  notAnswered: 'No answer yet',
  flagged: 'Gap of 2 points or more',
  raters: (n: number) => (n === 1 ? '1 team member' : `${n} team members`),
  answers: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
  latestPerScale: 'Latest answer per scale',
  rateHeading: "Rate a touchpoint from the team's side",
  rateHelp: 'How did it go for the client, as you saw it? One rating per person: rating again replaces yours.',
  score: 'Score',
  save: "Save the team's rating",
  saved: 'Rating saved',
  deal: 'Deal',
  ruleErrors: {
    NOT_IN_ONBOARDING: 'This deal is not in onboarding: start it before rating its touchpoints.',
    UNKNOWN_TOUCHPOINT: 'The playbook does not survey this touchpoint any more. Reload the card.',
    BAD_SCORE: "Choose a score on the touchpoint's scale.",
  } as Record<string, string>,
};

export type TouchpointWords = typeof en;

const it: TouchpointWords = {
  heading: 'Valutazione del team e del cliente',
  intro: 'Per ogni punto di contatto su cui il cliente riceve un sondaggio, il team dà la sua valutazione sulla stessa scala. Uno scarto di 2 punti o più viene segnalato.',
  touchpoint: 'Punto di contatto',
  teamView: 'Secondo il team',
  clientView: 'Secondo il cliente',
  gap: 'Scarto',
  notRated: 'Non ancora valutato',
  notAnswered: 'Nessuna risposta',
  flagged: 'Scarto di 2 punti o più',
  raters: (n) => (n === 1 ? '1 persona del team' : `${n} persone del team`),
  answers: (n) => (n === 1 ? '1 risposta' : `${n} risposte`),
  latestPerScale: 'Ultima risposta per scala',
  rateHeading: 'Aggiungi la valutazione del team',
  rateHelp: 'Com\'è andata per il cliente, secondo te? Una valutazione per persona: una nuova valutazione sostituisce la tua precedente.',
  score: 'Punteggio',
  save: 'Salva la valutazione del team',
  saved: 'Valutazione salvata',
  deal: 'Trattativa',
  ruleErrors: {
    NOT_IN_ONBOARDING: 'Questa trattativa non è in onboarding: avvia l\'onboarding prima di valutarne i punti di contatto.',
    UNKNOWN_TOUCHPOINT: 'Il playbook non prevede più un sondaggio su questo punto di contatto. Ricarica la scheda.',
    BAD_SCORE: 'Scegli un punteggio sulla scala del punto di contatto.',
  },
};

export const TOUCHPOINT_WORDS: Record<Locale, TouchpointWords> = { en, it };

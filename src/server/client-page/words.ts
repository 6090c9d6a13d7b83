import type { Locale } from '../../domain/phases.js';

type Text = Record<Locale, string>;

/**
 * What the client's page says around the deal's own content, in the page's language. Italian speaks to the client's
 * company (voi), as the emails and the survey do; buttons follow the interface convention. `{x}` marks are filled.
 */
export const CLIENT_WORDS = {
  title: { en: 'Your first 100 days with {brand}', it: 'I vostri primi 100 giorni con {brand}' },
  heading: { en: '{company}: your first 100 days', it: '{company}: i vostri primi 100 giorni' },
  day: { en: 'Day {day} of {total}', it: 'Giorno {day} di {total}' },
  notStarted: { en: 'Your first 100 days start with the signature.', it: 'I vostri primi 100 giorni iniziano con la firma.' },
  language: { en: 'Language', it: 'Lingua' },
  whereTitle: { en: 'Where we are', it: 'A che punto siamo' },
  stepDone: { en: 'completed', it: 'completata' },
  stepCurrent: { en: 'we are here', it: 'siamo qui' },
  nextTitle: { en: 'What comes next', it: 'Cosa succede adesso' },
  nextPhase: { en: 'then', it: 'poi' },
  nothingNext: { en: 'Nothing is planned yet: your project manager will tell you the next steps.', it: 'Non c’è ancora nulla in programma: il vostro project manager vi indicherà i prossimi passi.' },
  tasksTitle: { en: 'What we need from you', it: 'Cosa ci serve da voi' },
  noTasks: { en: 'Nothing for now: we will tell you here when we need something.', it: 'Per ora nulla: quando ci servirà qualcosa lo troverete qui.' },
  due: { en: 'By {date}', it: 'Entro il {date}' },
  overdue: { en: 'overdue', it: 'in ritardo' },
  forWhom: { en: 'For: {who}', it: 'Per: {who}' },
  markDone: { en: 'Mark as done', it: 'Segna come fatto' },
  doneOn: { en: 'Done on {date}. Thank you!', it: 'Fatto il {date}. Grazie!' },
  stuckOn: { en: 'You asked for help on {date}: your project manager will contact you.', it: 'Avete chiesto aiuto il {date}: il vostro project manager vi contatterà.' },
  stuckOpen: { en: 'Stuck? Ask for help', it: 'Bloccati? Chiedete aiuto' },
  stuckLabel: { en: 'What is in the way?', it: 'Che cosa vi blocca?' },
  stuckSend: { en: 'Send to my project manager', it: 'Invia al project manager' },
  teamTitle: { en: 'Your team', it: 'Il vostro team' },
  pmRole: { en: 'Project manager', it: 'Project manager' },
  pmDoes: {
    en: 'Runs your project day to day: plans the steps, keeps you updated and is your first call for anything.',
    it: 'Segue il vostro progetto giorno per giorno: pianifica i passi, vi tiene aggiornati ed è il primo da chiamare per qualsiasi cosa.',
  },
  repRole: { en: 'Your contact from the sale', it: 'Il vostro referente commerciale' },
  repDoes: {
    en: 'Agreed the terms with you: ask them about anything promised during the sale.',
    it: 'Ha concordato con voi le condizioni: chiedete a lui per tutto ciò che è stato promesso in trattativa.',
  },
  teamSoon: { en: 'Your project manager will introduce themselves here soon.', it: 'Il vostro project manager si presenterà qui a breve.' },
  agreedTitle: { en: 'What we agreed', it: 'Cosa abbiamo concordato' },
  agreedItems: {
    en: { goals: 'Your goals', success_criteria: 'How we will know it worked', promises: 'What we promised' },
    it: { goals: 'I vostri obiettivi', success_criteria: 'Come capiremo che ha funzionato', promises: 'Cosa vi abbiamo promesso' },
  },
  feedbackTitle: { en: 'Tell us how it is going', it: 'Diteci come sta andando' },
  commentLabel: { en: 'Anything you want us to know (your project manager reads it)', it: 'Qualsiasi cosa vogliate farci sapere (la legge il vostro project manager)' },
  commentSend: { en: 'Send', it: 'Invia' },
  saved: { en: 'Thank you: we received it.', it: 'Grazie: l’abbiamo ricevuto.' },
  commentHint: { en: 'Up to {max} characters.', it: 'Fino a {max} caratteri.' },
} as const;

export type ClientWord = keyof typeof CLIENT_WORDS;

export function word(key: Exclude<ClientWord, 'agreedItems'>, locale: Locale): string {
  return (CLIENT_WORDS[key] as Text)[locale];
}

/** The pages a link that does not open gets, and the form that asks for a fresh link. */
export const LINK_WORDS = {
  unknownTitle: { en: 'This link does not work', it: 'Questo link non funziona' },
  unknown: {
    en: 'Check that the whole link was copied from the email. You can also ask for a new link below.',
    it: 'Verificate di aver copiato il link completo dall’email. Potete anche chiedere un nuovo link qui sotto.',
  },
  expiredTitle: { en: 'This link has expired', it: 'Questo link è scaduto' },
  expired: {
    en: 'For your security, links to your page last a limited time. Ask for a new one below: we will email it to you.',
    it: 'Per la vostra sicurezza, i link alla vostra pagina durano un tempo limitato. Chiedetene uno nuovo qui sotto: ve lo invieremo per email.',
  },
  revokedTitle: { en: 'This link is no longer active', it: 'Questo link non è più attivo' },
  revoked: {
    en: 'Your project manager has replaced the links to your page. Ask for a new one below: we will email it to you.',
    it: 'Il vostro project manager ha sostituito i link alla vostra pagina. Chiedetene uno nuovo qui sotto: ve lo invieremo per email.',
  },
  resendLabel: { en: 'Your email address', it: 'Il vostro indirizzo email' },
  resendSend: { en: 'Email me a new link', it: 'Inviatemi un nuovo link' },
  resendDone: {
    en: 'If this address is one we write to for this project, a new link is on its way. It may take a few minutes; check your spam folder too.',
    it: 'Se questo è un indirizzo a cui scriviamo per questo progetto, un nuovo link è in arrivo. Può volerci qualche minuto; controllate anche la cartella spam.',
  },
  resendTitle: { en: 'Check your inbox', it: 'Controllate la vostra casella di posta' },
  tooManyTitle: { en: 'Too many attempts', it: 'Troppi tentativi' },
  tooMany: { en: 'Please wait a few minutes, then try again.', it: 'Attendete qualche minuto, poi riprovate.' },
  formExpiredTitle: { en: 'Please try again', it: 'Riprovate, per favore' },
  formExpired: {
    en: 'This form did not come from your page, or the page was too old. Open your page again and send it from there.',
    it: 'Questo modulo non proviene dalla vostra pagina, o la pagina era troppo vecchia. Riaprite la pagina e inviatelo da lì.',
  },
  invalidTitle: { en: 'Something is missing', it: 'Manca qualcosa' },
  invalid: {
    en: 'Write a comment of at most {max} characters (it tells your project manager what you need), then send it again.',
    it: 'Scrivete un commento di al massimo {max} caratteri (dice al project manager che cosa vi serve), poi inviatelo di nuovo.',
  },
  unavailableTitle: { en: 'Your page could not be opened', it: 'Non è stato possibile aprire la pagina' },
  unavailable: { en: 'Something went wrong on our side. Please try again in a few minutes.', it: 'Si è verificato un problema da parte nostra. Riprovate fra qualche minuto.' },
  back: { en: 'Back to your page', it: 'Torna alla vostra pagina' },
} as const satisfies Record<string, Record<Locale, string>>;

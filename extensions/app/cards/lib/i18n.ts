import type { Problem } from './backend';

/** The cards speak Italian to Italian users and English to everyone else; domain labels come from the server. */
export type Locale = 'en' | 'it';

export function uiLocale(raw: string | undefined): Locale {
  return raw?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

const en = {
  loading: 'Loading first100…',
  errorTitle: 'first100 could not load this card',
  retry: 'Try again',
  unreachable: 'The first100 server did not answer. Try again in a minute; if it keeps failing, ask your HubSpot admin to run "first100 doctor".',
  refused: 'The first100 server refused this request. Ask your HubSpot admin to check the app\'s client secret and account with "first100 doctor".',
  serverFailed: 'The first100 server failed on this request. Try again; if it keeps failing, your admin finds the reason in the server log.',
  hubspotDownTitle: 'HubSpot did not answer',
  hubspotDown: 'first100 could not check this record in HubSpot just now, so this shows only what first100 knows. Try again in a minute.',
  // deal card
  dayOf: (n: number, of: number) => `Day ${n} of ${of}`,
  beforeDayZero: 'Before the sale',
  inPhaseFor: (n: number) => (n === 1 ? 'In this phase for 1 day' : `In this phase for ${n} days`),
  health: 'Health',
  notAssessed: 'Not assessed yet',
  lastFeedback: 'Last feedback',
  noFeedback: 'No feedback yet',
  nextSteps: 'Next steps',
  nothingPlanned: 'Nothing planned in this phase.',
  due: 'Due',
  what: 'What',
  who: 'Who',
  stepTask: 'Task',
  stepEmail: 'Email',
  stepAdvance: (to: string) => `Moves on to ${to}`,
  survey: (kind: string, touchpoint: string) => `${kind} survey on "${touchpoint}"`,
  assignees: { deal_owner: 'Deal owner', pm: 'Project manager', 'fixed owner': 'Fixed owner', unassigned: 'Unassigned', client: 'Client' } as Record<string, string>,
  notInOnboarding: 'Not in onboarding',
  notInOnboardingText: 'This deal has not started its first 100 days. Start onboarding when the client has signed, or let the won stage start it.',
  lostText: 'This deal was lost; its pending onboarding steps were cancelled. Start again if it comes back.',
  startOnboarding: 'Start onboarding',
  movePhase: 'Move to another phase',
  phase: 'Phase',
  reason: 'Reason (saved on the deal\'s timeline)',
  move: 'Move',
  start: 'Start',
  handoff: 'Handoff',
  // handoff card
  completeness: 'Accepted by the PM',
  required: 'required',
  itemStatus: { incomplete: 'To fill', filled: 'Waiting for the PM', accepted: 'Accepted', question: 'Question for sales' } as Record<string, string>,
  notStartedText: 'Sales has not filled the handoff yet: what the client said, so the PM never asks again.',
  saveDraft: 'Save draft',
  submit: 'Submit to the PM',
  accept: 'Accept',
  acceptAll: 'Accept all waiting items',
  ask: 'Ask sales',
  yourQuestion: 'Your question',
  yourAnswer: 'Your answer',
  submittedBy: (who: string) => `Submitted by ${who}`,
  acceptedBy: (who: string) => `Accepted by ${who}`,
  youSubmitted: 'You submitted this handoff: the PM reviews it.',
  history: 'History',
  actions: { save: 'saved', submit: 'submitted', accept: 'accepted', ask: 'asked about' } as Record<string, string>,
  saved: 'Saved',
  ruleErrors: {
    HANDOFF_INCOMPLETE: 'Fill every required item before submitting:',
    HANDOFF_OPEN_QUESTIONS: "Answer the PM's questions before submitting again:",
    HANDOFF_SELF_REVIEW: 'You submitted this handoff, so the PM reviews it.',
    HANDOFF_ACCEPTED: 'The handoff is accepted; the PM can reopen an item by asking about it.',
    HANDOFF_ITEM_EMPTY: 'An empty item cannot be accepted; ask sales about it instead:',
    HANDOFF_ITEM_HAS_QUESTION: "This item waits for sales' answer:",
    HANDOFF_BAD_DATE: 'Write the date as YYYY-MM-DD:',
    ALREADY_IN_PHASE: 'The deal is already in that phase.',
    INVALID_BODY: 'Choose a phase and write a reason of at least 3 characters.',
    DEAL_NOT_FOUND: 'HubSpot has no such deal (deleted or merged). Reload the record.',
    COMPANY_NOT_FOUND: 'HubSpot has no such company (deleted or merged). Reload the record.',
  } as Record<string, string>,
  // company card
  companyHealth: 'Client health',
  segment: 'Segment',
  notComputed: 'Not computed yet',
  onboardingDeals: 'Deals in onboarding',
  noOnboardingDeals: 'No deal of this company is in onboarding.',
  deal: 'Deal',
  day: 'Day',
  feedback: 'Feedback',
  noFeedbackHistory: 'No feedback yet. first100 asks the client at the moments that matter and shows the answers here.',
  when: 'When',
};

export type Text = typeof en;

const it: Text = {
  ...en,
  loading: 'Caricamento di first100…',
  errorTitle: 'first100 non riesce a caricare questa scheda',
  retry: 'Riprova',
  unreachable: 'Il server di first100 non ha risposto. Riprova tra un minuto; se continua, chiedi all\'amministratore HubSpot di eseguire "first100 doctor".',
  refused: 'Il server di first100 ha rifiutato la richiesta. Chiedi all\'amministratore HubSpot di verificare client secret e account dell\'app con "first100 doctor".',
  serverFailed: 'Il server di first100 ha avuto un errore. Riprova; se continua, l\'amministratore trova il motivo nel log del server.',
  hubspotDownTitle: 'HubSpot non ha risposto',
  hubspotDown: 'first100 non è riuscito a verificare questo record in HubSpot: qui vedi solo ciò che first100 sa. Riprova tra un minuto.',
  dayOf: (n, of) => `Giorno ${n} di ${of}`,
  beforeDayZero: 'Prima della vendita',
  inPhaseFor: (n) => (n === 1 ? 'In questa fase da 1 giorno' : `In questa fase da ${n} giorni`),
  health: 'Salute',
  notAssessed: 'Non ancora valutata',
  lastFeedback: 'Ultimo feedback',
  noFeedback: 'Nessun feedback',
  nextSteps: 'Prossimi passi',
  nothingPlanned: 'Niente in programma in questa fase.',
  due: 'Scadenza',
  what: 'Cosa',
  who: 'Chi',
  stepTask: 'Attività',
  stepEmail: 'Email',
  stepAdvance: (to) => `Passa a ${to}`,
  survey: (kind, touchpoint) => `sondaggio ${kind} su "${touchpoint}"`,
  assignees: { deal_owner: 'Proprietario della trattativa', pm: 'Project manager', 'fixed owner': 'Assegnatario fisso', unassigned: 'Non assegnata', client: 'Cliente' },
  notInOnboarding: 'Non in onboarding',
  notInOnboardingText: 'Questa trattativa non ha ancora iniziato i suoi primi 100 giorni. Avvia l\'onboarding quando il cliente ha firmato, oppure lascia che parta da solo quando la trattativa viene chiusa come vinta.',
  lostText: 'Questa trattativa è persa: i passi di onboarding in sospeso sono stati annullati. Riavvia l\'onboarding se la trattativa si riapre.',
  startOnboarding: 'Avvia onboarding',
  movePhase: 'Sposta in un\'altra fase',
  phase: 'Fase',
  reason: 'Motivo (salvato nella cronologia della trattativa)',
  move: 'Sposta',
  start: 'Avvia',
  handoff: 'Passaggio di consegne',
  completeness: 'Accettato dal PM',
  required: 'obbligatorio',
  itemStatus: { incomplete: 'Da compilare', filled: 'In attesa del PM', accepted: 'Accettato', question: 'Domanda per il commerciale' },
  notStartedText: 'Il commerciale non ha ancora compilato il passaggio di consegne: ciò che il cliente ha detto, perché il PM non lo richieda.',
  saveDraft: 'Salva bozza',
  submit: 'Invia al PM',
  accept: 'Accetta',
  acceptAll: 'Accetta tutti gli elementi in attesa',
  ask: 'Chiedi al commerciale',
  yourQuestion: 'La tua domanda',
  yourAnswer: 'La tua risposta',
  submittedBy: (who) => `Inviato da ${who}`,
  acceptedBy: (who) => `Accettato da ${who}`,
  youSubmitted: 'Hai inviato tu questo passaggio di consegne: lo rivede il PM.',
  history: 'Cronologia',
  actions: { save: 'ha salvato', submit: 'ha inviato', accept: 'ha accettato', ask: 'ha fatto una domanda su' },
  saved: 'Salvato',
  ruleErrors: {
    HANDOFF_INCOMPLETE: 'Compila tutti gli elementi obbligatori prima di inviare:',
    HANDOFF_OPEN_QUESTIONS: 'Rispondi alle domande del PM prima di inviare di nuovo:',
    HANDOFF_SELF_REVIEW: 'Hai inviato tu questo passaggio di consegne: lo rivede il PM.',
    HANDOFF_ACCEPTED: 'Il passaggio di consegne è accettato; il PM può riaprire un elemento facendo una domanda.',
    HANDOFF_ITEM_EMPTY: 'Un elemento vuoto non si può accettare; chiedi al commerciale:',
    HANDOFF_ITEM_HAS_QUESTION: 'Questo elemento attende la risposta del commerciale:',
    HANDOFF_BAD_DATE: 'Scrivi la data come AAAA-MM-GG:',
    ALREADY_IN_PHASE: 'La trattativa è già in quella fase.',
    INVALID_BODY: 'Scegli una fase e scrivi un motivo di almeno 3 caratteri.',
    DEAL_NOT_FOUND: 'HubSpot non ha questa trattativa (eliminata o unita a un\'altra). Ricarica il record.',
    COMPANY_NOT_FOUND: 'HubSpot non ha questa azienda (eliminata o unita a un\'altra). Ricarica il record.',
  },
  companyHealth: 'Salute del cliente',
  segment: 'Segmento',
  notComputed: 'Non ancora calcolato',
  onboardingDeals: 'Trattative in onboarding',
  noOnboardingDeals: 'Nessuna trattativa di questa azienda è in onboarding.',
  deal: 'Trattativa',
  day: 'Giorno',
  feedback: 'Feedback',
  noFeedbackHistory: 'Nessun feedback ancora. first100 chiede al cliente nei momenti che contano e mostra qui le risposte.',
  when: 'Quando',
};

export const TEXT: Record<Locale, Text> = { en, it };

/** What to tell the user about a failed call: the rule they broke, or what to do about the server. */
export function problemText(problem: Problem, t: Text, itemLabel: (key: string) => string = (k) => k): string {
  const rule = problem.code ? t.ruleErrors[problem.code] : undefined;
  if (rule) return problem.items.length > 0 ? `${rule} ${problem.items.map(itemLabel).join(', ')}` : rule;
  if (problem.status === null || problem.status === 503 || problem.status === 502) return t.unreachable;
  if (problem.status === 401 || problem.status === 403) return t.refused;
  if (problem.status >= 500) return t.serverFailed;
  return problem.message ?? t.serverFailed;
}

export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString(locale === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

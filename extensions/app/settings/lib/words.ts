/**
 * The settings page speaks Italian to Italian users and English to everyone else, as the cards and the app pages do.
 * The checks' own texts come from the server (`first100 doctor`'s words), as the stage and pipeline labels come from HubSpot.
 */
export type Locale = 'en' | 'it';

export function uiLocale(raw: string | undefined): Locale {
  return raw?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

type StageKind = 'open' | 'won' | 'lost' | 'closed';

const en = {
  loading: 'Running first100\'s checks…',
  errorTitle: 'first100 could not run its checks',
  retry: 'Try again',
  allGood: 'first100 and HubSpot fit together',
  toFix: (n: number) => `${n} thing(s) to fix`,
  allPassed: 'Every check passed.',
  whatToFix: 'Each check below says what to fix. Run "first100 doctor" on the server for the same list.',
  recheck: 'Check again',
  check: 'Check',
  status: 'Status',
  detail: 'Detail',
  statusWord: { ok: 'OK', warn: 'Check', fail: 'Fix' },
  playbook: 'Playbook',
  name: 'Name',
  language: 'Language',
  timezone: 'Time zone',
  file: 'File',
  email: 'Email',
  transport: 'Transport',
  sender: 'Sender',
  replyTo: 'Reply to',
  brand: 'Brand',
  examples: 'Example content still in the playbook',
  noExamples: 'None: the playbook tells only your own stories.',
  replaceExamples: 'Replace these examples before going live',
  stageMapping: 'Stage mapping against the account\'s pipelines',
  pipelinesNotRead: 'Pipelines not read',
  pipeline: 'Pipeline',
  stage: 'Stage',
  kind: 'Kind',
  phase: 'first100 phase',
  kindWord: { open: 'open', won: 'won', lost: 'lost', closed: 'closed' } as Record<StageKind, string>,
  unmappedFlag: (kind: StageKind) => `not mapped: a ${kind} stage`,
  unmapped: 'not mapped',
  none: '—',
};

export type Words = typeof en;

const KIND_IT: Record<StageKind, string> = { open: 'aperta', won: 'vinta', lost: 'persa', closed: 'chiusa' };

const it: Words = {
  loading: 'first100 sta eseguendo i controlli…',
  errorTitle: 'first100 non è riuscito a eseguire i controlli',
  retry: 'Riprova',
  allGood: 'first100 e HubSpot sono configurati correttamente',
  toFix: (n) => (n === 1 ? '1 cosa da correggere' : `${n} cose da correggere`),
  allPassed: 'Tutti i controlli sono superati.',
  whatToFix: 'Ogni controllo qui sotto indica cosa correggere. Lo stesso elenco si ottiene eseguendo "first100 doctor" sul server.',
  recheck: 'Ripeti i controlli',
  check: 'Controllo',
  status: 'Esito',
  detail: 'Dettaglio',
  statusWord: { ok: 'OK', warn: 'Da verificare', fail: 'Da correggere' },
  playbook: 'Playbook',
  name: 'Nome',
  language: 'Lingua',
  timezone: 'Fuso orario',
  file: 'File',
  email: 'Email',
  transport: 'Modalità di invio',
  sender: 'Mittente',
  replyTo: 'Rispondi a',
  brand: 'Marchio',
  examples: 'Contenuti di esempio ancora presenti nel playbook',
  noExamples: 'Nessuno: il playbook racconta solo casi reali della vostra azienda.',
  replaceExamples: 'Sostituisci questi esempi prima di usare first100 con i clienti',
  stageMapping: 'Fasi della trattativa associate alle fasi di first100, per ogni pipeline dell\'account',
  pipelinesNotRead: 'Pipeline non lette',
  pipeline: 'Pipeline',
  stage: 'Fase della trattativa',
  kind: 'Tipo',
  phase: 'Fase di first100',
  kindWord: KIND_IT,
  unmappedFlag: (kind) => `non associata: fase ${KIND_IT[kind]}`,
  unmapped: 'non associata',
  none: '—',
};

export const WORDS: Record<Locale, Words> = { en, it };

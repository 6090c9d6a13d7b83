import type { Labels } from './locale.js';
import type { Locale } from './phases.js';

/**
 * What the client told sales, so they never have to repeat it (DESIGN.md "Handoff checklist").
 * Each item has one or more fields; each field is one `first100_handoff_*` deal property.
 */
export const HANDOFF_ITEM_KEYS = [
  'goals',
  'starting_point',
  'success_criteria',
  'stakeholders',
  'promises',
  'fears',
  'relationship',
  'channel',
  'risks',
  'unknowns',
  'kickoff_date',
] as const;
export type HandoffItemKey = (typeof HANDOFF_ITEM_KEYS)[number];

export const REMORSE_TYPES = ['capability', 'others_judgement', 'product_doubt', 'being_cheated'] as const;
export const CHANNELS = ['email', 'phone', 'video_call', 'in_person', 'chat'] as const;
export const CADENCES = ['weekly', 'every_two_weeks', 'monthly', 'at_milestones'] as const;

export type HandoffFieldType = 'text' | 'enum' | 'date';

export interface HandoffField {
  name: string;
  property: string;
  type: HandoffFieldType;
  label: Record<Locale, string>;
  options?: Labels<string>;
}

export interface HandoffItemSpec {
  key: HandoffItemKey;
  /** Completeness is the share of required items the PM accepted. */
  required: boolean;
  label: Record<Locale, string>;
  fields: HandoffField[];
}

/** The longest text a field keeps: a HubSpot note stays readable and a card response small. */
export const MAX_FIELD_CHARS = 2000;

const text = (name: string, label: Record<Locale, string>): HandoffField => ({ name, property: `first100_handoff_${name}`, type: 'text', label });

export const REMORSE_LABELS: Labels<(typeof REMORSE_TYPES)[number]> = {
  capability: { en: 'Doubts about their own ability to make it work', it: 'Dubbi sulla propria capacità di farlo funzionare' },
  others_judgement: { en: "Fear of others' judgement", it: 'Paura del giudizio degli altri' },
  product_doubt: { en: 'Doubts about the product or service', it: 'Dubbi sul prodotto o servizio' },
  being_cheated: { en: 'Fear of being cheated', it: 'Paura di essere imbrogliato' },
};
const CHANNEL_LABELS: Labels<(typeof CHANNELS)[number]> = {
  email: { en: 'Email', it: 'Email' },
  phone: { en: 'Phone', it: 'Telefono' },
  video_call: { en: 'Video call', it: 'Videochiamata' },
  in_person: { en: 'In person', it: 'Di persona' },
  chat: { en: 'Chat', it: 'Chat' },
};
const CADENCE_LABELS: Labels<(typeof CADENCES)[number]> = {
  weekly: { en: 'Weekly', it: 'Settimanale' },
  every_two_weeks: { en: 'Every two weeks', it: 'Ogni due settimane' },
  monthly: { en: 'Monthly', it: 'Mensile' },
  at_milestones: { en: 'At each milestone', it: 'A ogni traguardo' },
};

export const HANDOFF_ITEMS: HandoffItemSpec[] = [
  {
    key: 'goals',
    required: true,
    label: { en: 'Goals and desired outcome', it: 'Obiettivi e risultato atteso' },
    fields: [text('goals', { en: 'The job the client hires us to do', it: 'Il lavoro per cui il cliente ci sceglie' })],
  },
  {
    // The "before" of the seed's ritual: where the client starts, in their words, shown back to them at day 90.
    key: 'starting_point',
    required: false,
    label: { en: 'Where the client starts today', it: 'Da dove parte oggi il cliente' },
    fields: [text('starting_point', { en: 'The situation before the work, in the client\'s words and numbers', it: 'La situazione prima del lavoro, con le parole e i numeri del cliente' })],
  },
  {
    key: 'success_criteria',
    required: true,
    label: { en: 'Success criteria', it: 'Criteri di successo' },
    fields: [text('success_criteria', { en: 'How the client will judge success', it: 'Come il cliente giudicherà il successo' })],
  },
  {
    key: 'stakeholders',
    required: true,
    label: { en: 'Stakeholders and roles', it: 'Persone coinvolte e ruoli' },
    fields: [text('stakeholders', { en: 'Who decides, who uses, who pays', it: 'Chi decide, chi usa, chi paga' })],
  },
  {
    key: 'promises',
    required: true,
    label: { en: 'Promises made during the sale', it: 'Promesse fatte durante la vendita' },
    fields: [text('promises', { en: 'Scope, dates, special terms', it: 'Perimetro, date, condizioni particolari' })],
  },
  {
    key: 'fears',
    required: true,
    label: { en: "The client's fears", it: 'Le paure del cliente' },
    fields: [
      { name: 'remorse_type', property: 'first100_handoff_remorse_type', type: 'enum', label: { en: 'Remorse type', it: 'Tipo di rimorso' }, options: REMORSE_LABELS },
      text('fears_notes', { en: 'Notes on their fears', it: 'Note sulle paure' }),
    ],
  },
  {
    key: 'relationship',
    required: false,
    label: { en: 'Relationship notes', it: 'Note sulla relazione' },
    fields: [text('relationship', { en: 'What matters in the relationship', it: 'Cosa conta nella relazione' })],
  },
  {
    key: 'channel',
    required: true,
    label: { en: 'Preferred channel and cadence', it: 'Canale e frequenza preferiti' },
    fields: [
      { name: 'channel', property: 'first100_handoff_channel', type: 'enum', label: { en: 'Channel', it: 'Canale' }, options: CHANNEL_LABELS },
      { name: 'cadence', property: 'first100_handoff_cadence', type: 'enum', label: { en: 'Cadence', it: 'Frequenza' }, options: CADENCE_LABELS },
    ],
  },
  {
    key: 'risks',
    required: true,
    label: { en: 'Risks', it: 'Rischi' },
    fields: [text('risks', { en: 'What could go wrong', it: 'Cosa potrebbe andare storto' })],
  },
  {
    key: 'unknowns',
    required: false,
    label: { en: 'What the client does not yet know about how we work', it: 'Cosa il cliente non sa ancora di come lavoriamo' },
    fields: [text('unknowns', { en: 'To explain at the kickoff', it: 'Da spiegare al kickoff' })],
  },
  {
    key: 'kickoff_date',
    required: true,
    label: { en: 'Target kickoff date', it: 'Data prevista del kickoff' },
    fields: [{ name: 'kickoff_date', property: 'first100_handoff_kickoff_date', type: 'date', label: { en: 'Kickoff date', it: 'Data del kickoff' } }],
  },
];

export const REQUIRED_ITEM_COUNT = HANDOFF_ITEMS.filter((i) => i.required).length;

export function itemSpec(key: HandoffItemKey): HandoffItemSpec {
  return HANDOFF_ITEMS.find((i) => i.key === key)!;
}

export const HANDOFF_STATUS_LABELS: Record<'not_started' | 'draft' | 'submitted' | 'changes_requested' | 'accepted', Record<Locale, string>> = {
  not_started: { en: 'Not started', it: 'Non iniziato' },
  draft: { en: 'Draft', it: 'Bozza' },
  submitted: { en: 'Submitted, waiting for the PM', it: 'Inviato, in attesa del PM' },
  changes_requested: { en: 'Questions from the PM', it: 'Domande dal PM' },
  accepted: { en: 'Accepted', it: 'Accettato' },
};

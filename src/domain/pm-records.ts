import { REMORSE_LABELS, REMORSE_TYPES } from './handoff-items.js';
import type { Labels } from './locale.js';
import type { Locale } from './phases.js';
import { escapeHtml, userHtml } from './user-text.js';

/**
 * What the PM records on the deal card after a moment only a person can judge: how the accomplish phase ended (the
 * seed's three endings), that the kickoff took place, and which doubt the client really has once the reassurance
 * call ("Discovery") is done. What the client hears afterwards follows from these records, never from a timer.
 */
export const ACCOMPLISH_OUTCOMES = ['achieved', 'failed', 'achieved_not_satisfied'] as const;
export type AccomplishOutcome = (typeof ACCOMPLISH_OUTCOMES)[number];

export const ACCOMPLISH_OUTCOME_LABELS: Labels<AccomplishOutcome> = {
  achieved: { en: 'Goal achieved', it: 'Obiettivo raggiunto' },
  failed: { en: 'Goal not achieved', it: 'Obiettivo non raggiunto' },
  achieved_not_satisfied: { en: 'Achieved, but the client is not satisfied', it: 'Raggiunto, ma il cliente non è soddisfatto' },
};

export type RemorseType = (typeof REMORSE_TYPES)[number];

export type PmRecord =
  | { kind: 'accomplish_outcome'; value: AccomplishOutcome; note: string }
  | { kind: 'kickoff_held'; value: 'held'; note: string }
  | { kind: 'remorse_type'; value: RemorseType; note: string };
export type PmRecordKind = PmRecord['kind'];
export const PM_RECORD_KINDS = ['accomplish_outcome', 'kickoff_held', 'remorse_type'] as const satisfies readonly PmRecordKind[];

/** The deal property each record is written to, for lists, reports and workflows. */
export const PM_RECORD_PROPERTIES: Record<PmRecordKind, string> = {
  accomplish_outcome: 'first100_accomplish_outcome',
  kickoff_held: 'first100_kickoff_held_at',
  remorse_type: 'first100_remorse_type',
};

export function isAccomplishOutcome(value: string | null | undefined): value is AccomplishOutcome {
  return (ACCOMPLISH_OUTCOMES as readonly string[]).includes(value ?? '');
}

/** The property value a record writes: the enumeration's value, or the day the kickoff was held (midnight UTC, as HubSpot's date properties take it). */
export function recordPropertyValue(record: PmRecord, recordedAt: number): string {
  if (record.kind !== 'kickoff_held') return record.value;
  const day = new Date(recordedAt);
  return String(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
}

const WORDS = {
  accomplish_outcome: { en: 'Result of the onboarding recorded by', it: 'Esito dell’onboarding registrato da' },
  kickoff_held: { en: 'Kickoff marked as held by', it: 'Kickoff segnato come svolto da' },
  remorse_type: { en: 'Client’s doubt confirmed after the reassurance call by', it: 'Dubbio del cliente confermato dopo la chiamata di rassicurazione da' },
  held: { en: 'The kickoff took place', it: 'Il kickoff si è svolto' },
  note: { en: 'Note', it: 'Nota' },
};

/** A stored record as a typed one; null for a value first100 does not know (never written by this version). */
export function toPmRecord(kind: string, value: string, note: string): PmRecord | null {
  if (kind === 'accomplish_outcome' && isAccomplishOutcome(value)) return { kind, value, note };
  if (kind === 'kickoff_held' && value === 'held') return { kind, value, note };
  if (kind === 'remorse_type' && (REMORSE_TYPES as readonly string[]).includes(value)) return { kind, value: value as RemorseType, note };
  return null;
}

export function recordLabel(record: PmRecord, locale: Locale): string {
  if (record.kind === 'accomplish_outcome') return ACCOMPLISH_OUTCOME_LABELS[record.value][locale];
  if (record.kind === 'remorse_type') return REMORSE_LABELS[record.value][locale];
  return WORDS.held[locale];
}

/** The timeline note of a record (HTML, as hs_note_body takes it): who, what, and the PM's note if any. */
export function pmRecordNote(record: PmRecord, actor: string, locale: Locale): string {
  const title = `<p><strong>${WORDS[record.kind][locale]} ${userHtml(actor)}</strong>: ${escapeHtml(recordLabel(record, locale))}</p>`;
  return record.note ? `${title}<p>${WORDS.note[locale]}: ${userHtml(record.note)}</p>` : title;
}

/** The PM's task after an ending that is not a success: the seed's answer is to act, not to survey. */
export function outcomeTask(outcome: AccomplishOutcome, companyName: string, locale: Locale): { subject: string; body: string } | null {
  const it = locale === 'it';
  if (outcome === 'failed') {
    return it
      ? { subject: `Piano di recupero con ${companyName}: l’obiettivo non è stato raggiunto`, body: 'Il cliente ha ricevuto un messaggio che riconosce l’obiettivo mancato e annuncia la tua chiamata. Chiama entro domani, capisci che cosa non ha funzionato e concorda un piano di recupero con date e responsabili; scrivilo sulla trattativa.' }
      : { subject: `Recovery plan with ${companyName}: the goal was not reached`, body: 'The client received a message that owns the missed result and announces your call. Call by tomorrow, understand what did not work and agree a recovery plan with dates and owners; write it on the deal.' };
  }
  if (outcome === 'achieved_not_satisfied') {
    return it
      ? { subject: `Che cosa manca a ${companyName}? Obiettivo raggiunto, cliente non soddisfatto`, body: 'Il cliente ha ricevuto un messaggio che gli chiede che cosa manca. Chiamalo: spesso il problema sta nella relazione più che nella consegna. Concorda che cosa sistemare e annotalo sulla trattativa.' }
      : { subject: `What is missing for ${companyName}? Goal reached, client not satisfied`, body: 'The client received a message asking what is missing. Call them: the problem is often in the relationship more than in the delivery. Agree what to put right and note it on the deal.' };
  }
  return null;
}

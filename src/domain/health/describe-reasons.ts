import { DateTime } from 'luxon';
import type { Locale } from '../phases.js';
import { phaseLabel } from '../phases.js';
import type { HealthReason } from './health-reasons.js';

/** Overdue tasks named in a reason's text; the rest are counted ("and 3 more"), so the property stays readable. */
export const TASKS_NAMED = 5;

type Say = (r: HealthReason, timezone: string) => string;
const day = (ms: number, timezone: string) => DateTime.fromMillis(ms, { zone: timezone }).toISODate()!;

const EN: { [K in HealthReason['kind']]: (r: Extract<HealthReason, { kind: K }>, timezone: string) => string } = {
  'detractor-answer': (r, tz) => `detractor answer: ${r.survey} ${r.score} on ${day(r.at, tz)}`,
  silent: (r, tz) => `no contact from the client since ${day(r.since, tz)}`,
  'over-expected': (r) => `${phaseLabel(r.phase, 'en')}: ${r.businessDaysInPhase} business days in the phase, ${r.overBy} over the expected ${r.expectedBusinessDays}`,
  'overdue-tasks': (r) => `${r.open} of ${r.due} due tasks still open: ${taskList(r, 'en')}`,
  'lukewarm-answer': (r, tz) => `lukewarm answer: ${r.survey} ${r.score} on ${day(r.at, tz)}`,
};

const IT: typeof EN = {
  'detractor-answer': (r, tz) => `risposta da detrattore: ${r.survey} ${r.score} il ${day(r.at, tz)}`,
  silent: (r, tz) => `nessun contatto dal cliente dal ${day(r.since, tz)}`,
  'over-expected': (r) => `${phaseLabel(r.phase, 'it')}: ${r.businessDaysInPhase} giorni lavorativi nella fase, ${r.overBy} oltre i ${r.expectedBusinessDays} previsti`,
  'overdue-tasks': (r) => `${r.open} compiti scaduti su ${r.due} ancora aperti: ${taskList(r, 'it')}`,
  'lukewarm-answer': (r, tz) => `risposta tiepida: ${r.survey} ${r.score} il ${day(r.at, tz)}`,
};

function taskList(r: Extract<HealthReason, { kind: 'overdue-tasks' }>, locale: Locale): string {
  const named = r.tasks.slice(0, TASKS_NAMED).map((t) => {
    if (t.source === 'client' && t.businessDaysOverdue !== undefined) return clientTaskLate(t.title, t.businessDaysOverdue, locale);
    const whose = t.source === 'client' ? (locale === 'en' ? 'client, ' : 'cliente, ') : '';
    return `"${t.title}" (${whose}${locale === 'en' ? 'due' : 'scadenza'} ${t.dueDate})`;
  });
  const more = r.tasks.length - named.length;
  if (more > 0) named.push(locale === 'en' ? `and ${more} more` : `e altri ${more}`);
  return named.join(', ');
}

/**
 * A client's task, late: the PM and the manager do not see the client's list in HubSpot, so the reason says whose it
 * is and how late, in business days, rather than a date to count from.
 */
function clientTaskLate(title: string, days: number, locale: Locale): string {
  if (locale === 'en') return `client task "${title}" (${days === 0 ? 'due today' : `${days} business ${days === 1 ? 'day' : 'days'} overdue`})`;
  return `attività del cliente "${title}" (${days === 0 ? 'scaduta oggi' : `in ritardo di ${days} ${days === 1 ? 'giorno lavorativo' : 'giorni lavorativi'}`})`;
}

/** One reason as a sentence fragment, in the locale. */
export function describeReason(reason: HealthReason, locale: Locale, timezone: string): string {
  const say = (locale === 'en' ? EN : IT)[reason.kind] as Say;
  return say(reason, timezone);
}

/** Every reason as one line, most severe first: what `first100_health_reasons` holds (empty when on track). */
export function describeReasons(reasons: HealthReason[], locale: Locale, timezone: string): string {
  return reasons.map((r) => describeReason(r, locale, timezone)).join('; ');
}

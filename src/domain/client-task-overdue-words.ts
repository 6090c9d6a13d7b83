import { DateTime } from 'luxon';
import type { Locale } from './phases.js';
import { escapeHtml } from './user-text.js';

/** The PM's task for a client task still open after the reminder, as the team reads it in HubSpot (the playbook's language). */
const WORDS = {
  subject: { en: 'Client task overdue', it: 'Attività del cliente scaduta' },
  task: { en: 'Client task', it: 'Attività del cliente' },
  due: { en: 'Due on', it: 'Scadenza' },
  reminded: {
    en: 'first100 already sent the client one reminder by email; the task is still not marked done on their page.',
    it: 'first100 ha già inviato al cliente un promemoria via email; sulla sua pagina l’attività non risulta ancora completata.',
  },
  notReminded: {
    en: 'first100 could not remind the client by email (no address, unsubscribed, or not sent yet); the task is still not marked done on their page.',
    it: 'first100 non ha potuto inviare al cliente un promemoria via email (indirizzo mancante, iscrizione annullata o invio non ancora avvenuto); sulla sua pagina l’attività non risulta ancora completata.',
  },
  advice: {
    en: 'Call them: find out what is holding it up and agree a new date, or do it together.',
    it: 'Chiamalo: capisci che cosa la sta frenando e concordate una nuova data, oppure completatela insieme.',
  },
};

const p = (html: string) => `<p>${html}</p>`;

export function clientTaskOverdueTask(title: string, dueAt: number, reminded: boolean, timezone: string, locale: Locale): { subject: string; body: string } {
  const date = DateTime.fromMillis(dueAt, { zone: timezone }).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
  return {
    subject: `${WORDS.subject[locale]}: ${title}`.slice(0, 200),
    body:
      p(`<strong>${WORDS.task[locale]}</strong>: ${escapeHtml(title)}`) +
      p(`<strong>${WORDS.due[locale]}</strong>: ${escapeHtml(date)}`) +
      p((reminded ? WORDS.reminded : WORDS.notReminded)[locale]) +
      p(WORDS.advice[locale]),
  };
}

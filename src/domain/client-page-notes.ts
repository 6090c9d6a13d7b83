import type { Locale } from './phases.js';
import { escapeHtml, userHtml } from './user-text.js';

/** What the client did on their page, as the team reads it in HubSpot (the playbook's language). */
const WORDS = {
  done: { en: 'Client task done', it: 'Attività del cliente completata' },
  doneLine: { en: 'The client marked it done on their page.', it: 'Il cliente l’ha segnata come fatta sulla sua pagina.' },
  stuckSubject: { en: 'The client is stuck and asks for help', it: 'Il cliente è bloccato e chiede aiuto' },
  stuckAdvice: {
    en: 'Call them today: find out what is in the way and agree how you will unblock it.',
    it: 'Chiamalo oggi: capisci che cosa lo blocca e concordate come sbloccarlo.',
  },
  task: { en: 'Client task', it: 'Attività del cliente' },
  comment: { en: 'Comment', it: 'Commento' },
  clientComment: { en: 'Comment from the client page', it: 'Commento dalla pagina del cliente' },
};

const p = (html: string) => `<p>${html}</p>`;

export function clientTaskDoneNote(title: string, locale: Locale): string {
  return p(`<strong>${WORDS.done[locale]}</strong>: ${escapeHtml(title)}`) + p(WORDS.doneLine[locale]);
}

export function clientStuckTask(title: string, comment: string, locale: Locale): { subject: string; body: string } {
  return {
    subject: `${WORDS.stuckSubject[locale]}: ${title}`.slice(0, 200),
    body: p(`<strong>${WORDS.task[locale]}</strong>: ${escapeHtml(title)}`) + p(`<strong>${WORDS.comment[locale]}</strong>: ${userHtml(comment)}`) + p(WORDS.stuckAdvice[locale]),
  };
}

export function clientCommentNote(comment: string, locale: Locale): string {
  return p(`<strong>${WORDS.clientComment[locale]}</strong>`) + p(userHtml(comment));
}

import { DateTime } from 'luxon';
import type { Locale } from '../../domain/phases.js';
import type { ClientTaskMention, Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

function dueDate(task: ClientTaskMention, locale: Locale): string {
  return DateTime.fromMillis(task.dueAt, { zone: task.timezone }).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
}

/**
 * One reminder about a task the client has not marked done on their page, sent once when it is overdue by the
 * playbook's limit (clientTaskReminders). It says what the task is and why it matters in the playbook's own words
 * for the client; the layout adds the link to their page, where they mark it done or ask for help.
 */
export const clientTaskReminder: Template = {
  en: (i) => {
    const t = i.clientTask;
    return {
      subject: t ? `A reminder: ${t.title}` : `A reminder about the ${i.companyName} project`,
      preheader: 'One thing we need from you to keep the project moving.',
      heading: 'One thing we need from you',
      paragraphs: [
        greeting(i.firstName, 'en'),
        ...(t
          ? [`to keep the project moving we need one thing from you, which was due on ${dueDate(t, 'en')}: “${t.title}”.`, `Why it matters: ${t.why}`]
          : ['to keep the project moving we need something from you: your project page lists what it is.']),
        'On your project page you can mark it done with one click, or tell us what is in the way: we will help you with it.',
        'If you have already done it, thank you: please mark it done on the page, so that we know too.',
      ],
      closing: signature(i.brand.name, 'en'),
    };
  },
  it: (i) => {
    const t = i.clientTask;
    return {
      subject: t ? `Promemoria: ${t.title}` : `Promemoria sul progetto ${i.companyName}`,
      preheader: 'Per far procedere il progetto ci serve un vostro contributo.',
      heading: 'Ci serve un vostro contributo',
      paragraphs: [
        greeting(i.firstName, 'it'),
        ...(t
          ? [`per far procedere il progetto ci serve un vostro contributo, previsto per il ${dueDate(t, 'it')}: «${t.title}».`, `Perché è importante: ${t.why}`]
          : ['per far procedere il progetto ci serve un vostro contributo: lo trovate sulla pagina del vostro progetto.']),
        'Sulla pagina del vostro progetto potete segnarlo come completato con un clic, oppure dirci che cosa vi blocca: vi aiuteremo.',
        'Se lo avete già fatto, vi ringraziamo: segnatelo come completato sulla pagina, così lo sappiamo anche noi.',
      ],
      closing: signature(i.brand.name, 'it'),
    };
  },
};

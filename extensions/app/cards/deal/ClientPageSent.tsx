import React from 'react';
import { Alert } from '@hubspot/ui-extensions';
import type { ClientPageSent } from '../../../../src/server/client-page-card-view';
import type { Locale } from '../lib/i18n';

const who = (to: { name: string | null; email: string }) => (to.name ? `${to.name} <${to.email}>` : to.email);

export const SEND_WORDS = {
  en: {
    send: 'Send the client their page',
    sendHint: 'One email to the deal\'s primary contact, with their own link to the page.',
    planned: (to: string) => `Sent to ${to}, with their own link to the page.`,
    again: (to: string) => `Already sent to ${to} a moment ago: no second email.`,
    notSentTitle: 'Not sent',
    reasons: {
      'no-contact': 'The deal has no contact: associate the client\'s contact with the deal, then try again.',
      'no-email': 'The deal\'s primary contact has no email address in HubSpot: add it, then try again.',
      unsubscribed: 'The deal\'s primary contact unsubscribed from our emails: send them the link yourself ("Copy the client link").',
      paused: 'The onboarding is paused, and its emails wait for the resume: resume it first, or copy the link.',
    },
    sentTitle: 'Page sent',
  },
  it: {
    send: 'Invia al cliente la sua pagina',
    sendHint: 'Un’email al contatto principale della trattativa, con il suo link personale alla pagina.',
    planned: (to: string) => `Inviata a ${to}, con il suo link personale alla pagina.`,
    again: (to: string) => `Già inviata a ${to} poco fa: nessuna seconda email.`,
    notSentTitle: 'Non inviata',
    reasons: {
      'no-contact': 'La trattativa non ha contatti: associa il contatto del cliente alla trattativa e riprova.',
      'no-email': 'Il contatto principale della trattativa non ha un indirizzo email in HubSpot: aggiungilo e riprova.',
      unsubscribed: 'Il contatto principale ha annullato l’iscrizione alle nostre email: invia tu il link ("Copia il link del cliente").',
      paused: 'L’onboarding è in pausa e le sue email attendono la ripresa: riprendilo prima, oppure copia il link.',
    },
    sentTitle: 'Pagina inviata',
  },
};

/** What "send the client their page" did: to whom it goes, or why it does not and what to do instead. */
export function ClientPageSentNotice({ sent, locale }: { sent: ClientPageSent | undefined; locale: Locale }) {
  if (!sent) return null;
  const w = SEND_WORDS[locale];
  if (sent.kind === 'not-sent') {
    return <Alert title={w.notSentTitle} variant="warning" testId="client-page-sent">{w.reasons[sent.reason]}</Alert>;
  }
  return <Alert title={w.sentTitle} variant="success" testId="client-page-sent">{sent.kind === 'planned' ? w.planned(who(sent.to)) : w.again(who(sent.to))}</Alert>;
}

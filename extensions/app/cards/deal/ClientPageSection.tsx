import React, { useState } from 'react';
import { Button, Checkbox, Flex, Heading, Input, StatusTag, Text } from '@hubspot/ui-extensions';
import type { ClientPageCardView } from '../../../../src/server/client-page-card-view';
import type { Locale, Text as Words } from '../lib/i18n';
import { ProblemAlert } from '../lib/states';
import { useBackend, useWrite } from '../lib/use-backend';
import { ClientPageSentNotice, SEND_WORDS } from './ClientPageSent';

const WORDS = {
  en: {
    title: 'Client page',
    lastSeen: (when: string) => `The client last used their page on ${when}.`,
    neverSeen: 'The client has not used their page yet.',
    links: (n: number) => (n === 1 ? '1 link works now.' : `${n} links work now.`),
    copy: 'Copy the client link',
    copied: 'A new link for the client: copy it and send it to them. It is shown only once.',
    revoke: 'Revoke all links',
    revokeHint: 'Use it if a link reached the wrong person; the next email carries a new one.',
    shared: 'The client sees under "What we agreed":',
    saveShared: 'Save what the client sees',
    tasks: 'What the client has to do in this phase:',
    status: { open: 'Open', done: 'Done', stuck: 'Stuck: asked for help' },
  },
  it: {
    title: 'Pagina del cliente',
    lastSeen: (when: string) => `Il cliente ha usato la sua pagina l’ultima volta il ${when}.`,
    neverSeen: 'Il cliente non ha ancora usato la sua pagina.',
    links: (n: number) => (n === 1 ? 'Ora funziona 1 link.' : `Ora funzionano ${n} link.`),
    copy: 'Copia il link del cliente',
    copied: 'Un nuovo link per il cliente: copialo e invialo. Viene mostrato una sola volta.',
    revoke: 'Revoca tutti i link',
    revokeHint: 'Usalo se un link è arrivato alla persona sbagliata; la prossima email ne porta uno nuovo.',
    shared: 'Il cliente vede in "Cosa abbiamo concordato":',
    saveShared: 'Salva ciò che vede il cliente',
    tasks: 'Cosa deve fare il cliente in questa fase:',
    status: { open: 'Da fare', done: 'Fatto', stuck: 'Bloccato: chiede aiuto' },
  },
};

/** The client's own page, from the deal card: when it was last used, a fresh link to copy, revoke, what is shared. */
export function ClientPageSection({ dealId, locale, t }: { dealId: string | number; locale: Locale; t: Words }) {
  const w = WORDS[locale];
  const path = `/api/cards/client-pages/${dealId}?locale=${locale}`;
  const { state, show } = useBackend<ClientPageCardView>(path);
  const { run, busy, problem } = useWrite<ClientPageCardView>(path, show);
  const [choice, setChoice] = useState<Record<string, boolean> | null>(null);
  if (state.kind !== 'ready') return null;
  const view = state.data;
  const shared = choice ?? Object.fromEntries(view.items.map((i) => [i.key, i.shared]));
  const when = view.lastSeenAt === null ? null : new Date(view.lastSeenAt).toLocaleString(locale === 'it' ? 'it-IT' : 'en-GB');
  return (
    <Flex direction="column" gap="sm">
      <Heading>{w.title}</Heading>
      <Text testId="client-last-seen">{when ? w.lastSeen(when) : w.neverSeen}</Text>
      <Text>{w.links(view.activeLinks)}</Text>
      {view.tasks.length > 0 ? <Text format={{ fontWeight: 'demibold' }}>{w.tasks}</Text> : null}
      {view.tasks.map((task) => (
        <Flex key={task.id} direction="row" gap="sm" align="center">
          <StatusTag testId={`client-task-${task.id}`} variant={task.status === 'done' ? 'success' : task.status === 'stuck' ? 'danger' : 'default'}>{w.status[task.status]}</StatusTag>
          <Text>{task.comment ? `${task.title}: “${task.comment}”` : task.title}</Text>
        </Flex>
      ))}
      {view.link ? <Input label={w.copied} name="client-link" testId="client-link" value={view.link.url} readOnly /> : null}
      <ProblemAlert problem={problem} t={t} />
      <Flex direction="row" gap="sm">
        <Button testId="client-link-copy" disabled={busy} onClick={() => void run({ action: 'copy' })}>{w.copy}</Button>
        <Button testId="client-link-revoke" variant="destructive" disabled={busy || view.activeLinks === 0} onClick={() => void run({ action: 'revoke' })}>{w.revoke}</Button>
      </Flex>
      <Text variant="microcopy">{w.revokeHint}</Text>
      <ClientPageSentNotice sent={view.sent} locale={locale} />
      <Button testId="client-page-send" disabled={busy} onClick={() => void run({ action: 'send' })}>{SEND_WORDS[locale].send}</Button>
      <Text variant="microcopy">{SEND_WORDS[locale].sendHint}</Text>
      <Text format={{ fontWeight: 'demibold' }}>{w.shared}</Text>
      {view.items.map((item) => (
        <Checkbox key={item.key} name={`share-${item.key}`} checked={shared[item.key] ?? false} onChange={(checked) => setChoice({ ...shared, [item.key]: checked })}>
          {item.label}
        </Checkbox>
      ))}
      <Button testId="client-share-save" disabled={busy || choice === null} onClick={async () => {
        if (await run({ action: 'share', items: view.items.filter((i) => shared[i.key]).map((i) => i.key) })) setChoice(null);
      }}>{w.saveShared}</Button>
    </Flex>
  );
}

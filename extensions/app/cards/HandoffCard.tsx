import React, { useState } from 'react';
import { Button, ButtonRow, Flex, Heading, hubspot, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import type { HandoffView } from '../../../src/server/card-api-types';
import type { RecordContext } from './DealOnboardingCard';
import { HandoffItem } from './handoff/HandoffItem';
import { formatDate, TEXT, uiLocale, type Locale, type Text as Words } from './lib/i18n';
import { LoadError, Loading, ProblemAlert } from './lib/states';
import { useBackend, useWrite } from './lib/use-backend';

/** The sales → PM handoff: sales fills and submits; the PM accepts each item or asks back; who did what is shown. */
export function HandoffCard({ context }: { context: RecordContext }) {
  const locale = uiLocale(context.user.locale);
  const t = TEXT[locale];
  const path = `/api/cards/deals/${context.crm.objectId}/handoff?locale=${locale}`;
  const { state, reload, show } = useBackend<HandoffView>(path);
  if (state.kind === 'loading') return <Loading t={t} />;
  if (state.kind === 'error') return <LoadError problem={state.problem} t={t} onRetry={reload} />;
  // Remount the checklist after every change, so its inputs start from what the server now holds.
  return <Checklist key={`${state.data.status}-${state.data.history.length}`} view={state.data} t={t} locale={locale} path={path} onChange={show} />;
}

function Checklist({ view, t, locale, path, onChange }: { view: HandoffView; t: Words; locale: Locale; path: string; onChange: (v: HandoffView) => void }) {
  const [values, setValues] = useState(() => Object.fromEntries(view.items.map((i) => [i.key, Object.fromEntries(i.fields.map((f) => [f.name, f.value]))])));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [questions, setQuestions] = useState<Record<string, string>>({});
  const { run, busy, problem } = useWrite<HandoffView>(path, onChange);
  const editing = ['not_started', 'draft', 'changes_requested'].includes(view.status);
  const reviewing = !view.viewerSubmitted && ['submitted', 'changes_requested', 'accepted'].includes(view.status);
  const waiting = view.items.filter((i) => i.status === 'filled').map((i) => i.key);
  const label = (key: string) => view.items.find((i) => i.key === key)?.label ?? key;

  return (
    <Flex direction="column" gap="md">
      <Flex direction="row" gap="sm" align="center">
        <StatusTag variant={view.status === 'accepted' ? 'success' : view.status === 'changes_requested' ? 'warning' : 'default'} testId="handoff-status">
          {view.statusLabel}
        </StatusTag>
        {view.submittedBy ? <Text variant="microcopy">{`${t.submittedBy(view.submittedBy)} · ${formatDate(view.submittedAt, locale)}`}</Text> : null}
        {view.acceptedBy ? <Text variant="microcopy">{`${t.acceptedBy(view.acceptedBy)} · ${formatDate(view.acceptedAt, locale)}`}</Text> : null}
      </Flex>
      <ProgressBar title={t.completeness} value={view.completeness} maxValue={100} showPercentage variant={view.completeness === 100 ? 'success' : 'warning'} testId="completeness" />
      {view.status === 'not_started' ? <Text testId="not-started">{t.notStartedText}</Text> : null}
      {view.viewerSubmitted && view.status !== 'accepted' ? <Text testId="you-submitted">{t.youSubmitted}</Text> : null}
      {view.items.map((item) => (
        <HandoffItem
          key={item.key}
          item={item}
          t={t}
          locale={locale}
          c={{
            editing,
            reviewing,
            busy,
            values: values[item.key] ?? {},
            answer: answers[item.key] ?? '',
            question: questions[item.key] ?? '',
            onValue: (field, value) => setValues((v) => ({ ...v, [item.key]: { ...v[item.key], [field]: value } })),
            onAnswer: (text) => setAnswers((a) => ({ ...a, [item.key]: text })),
            onQuestion: (text) => setQuestions((q) => ({ ...q, [item.key]: text })),
            onAccept: () => void run({ action: 'accept', items: [item.key] }),
            onAsk: () => void run({ action: 'ask', item: item.key, text: questions[item.key] ?? '' }),
          }}
        />
      ))}
      <ProblemAlert problem={problem} t={t} itemLabel={label} />
      <ButtonRow>
        {editing ? (
          <Button variant="secondary" disabled={busy} onClick={() => void run({ action: 'save', values, answers })} testId="save">
            {t.saveDraft}
          </Button>
        ) : null}
        {editing ? (
          <Button variant="primary" disabled={busy} onClick={() => void run({ action: 'submit', values, answers })} testId="submit">
            {t.submit}
          </Button>
        ) : null}
        {reviewing && waiting.length > 0 ? (
          <Button variant="primary" disabled={busy} onClick={() => void run({ action: 'accept', items: waiting })} testId="accept-all">
            {t.acceptAll}
          </Button>
        ) : null}
      </ButtonRow>
      <History view={view} t={t} locale={locale} />
    </Flex>
  );
}

function History({ view, t, locale }: { view: HandoffView; t: Words; locale: Locale }) {
  if (view.history.length === 0) return null;
  return (
    <Flex direction="column" gap="xs" testId="history">
      <Heading>{t.history}</Heading>
      {view.history.map((h, i) => (
        <Text key={i} variant="microcopy">
          {`${formatDate(h.at, locale)} · ${h.by} ${t.actions[h.action] ?? h.action}${h.items.length > 0 ? ` ${h.items.join(', ')}` : ''}${h.text ? `: ${h.text}` : ''}`}
        </Text>
      ))}
    </Flex>
  );
}

hubspot.extend<'crm.record.tab'>(({ context }) => <HandoffCard context={context} />);

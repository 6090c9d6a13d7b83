import React, { useEffect, useState } from 'react';
import {
  Alert, Button, DescriptionList, DescriptionListItem, ErrorState, Flex, Heading, hubspot, LoadingSpinner, StatusTag, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text, useExtensionContext,
} from '@hubspot/ui-extensions';
import type { SettingsView } from '../../../src/server/page-api-types';
import { getFromBackend, problemOf, problemText, type Load } from './lib/backend';
import { uiLocale, WORDS, type Words } from './lib/words';

const STATUS_VARIANT = { ok: 'success', warn: 'warning', fail: 'danger' } as const;

/**
 * first100's settings page, read-only: the playbook stays in git. It shows the `first100 doctor` checks as the
 * server runs them, the playbook and its stage mapping against the account's pipelines, the email sender, and the
 * example content still in the playbook. In the user's language, as the cards.
 */
export function SettingsPage() {
  const context = useExtensionContext<'settings'>();
  const locale = uiLocale(context.user.locale);
  const t = WORDS[locale];
  const [state, setState] = useState<Load<SettingsView>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    getFromBackend<SettingsView>('/api/pages/settings').then(
      (data) => current && setState({ kind: 'ready', data }),
      (error: unknown) => current && setState({ kind: 'error', problem: problemOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  if (state.kind === 'loading') return <LoadingSpinner label={t.loading} layout="centered" />;
  if (state.kind === 'error') {
    return (
      <ErrorState title={t.errorTitle} testId="load-error">
        <Text>{problemText(state.problem, locale)}</Text>
        <Button onClick={() => setAttempt((n) => n + 1)}>{t.retry}</Button>
      </ErrorState>
    );
  }
  const view = state.data;
  const failing = view.checks.filter((c) => c.status === 'fail').length;
  return (
    <Flex direction="column" gap="md">
      <Alert title={failing === 0 ? t.allGood : t.toFix(failing)} variant={failing === 0 ? 'success' : 'danger'} testId="summary">
        {failing === 0 ? t.allPassed : t.whatToFix}
      </Alert>
      <Button onClick={() => setAttempt((n) => n + 1)} testId="recheck">{t.recheck}</Button>
      <Table testId="checks" density="condensed">
        <TableHead>
          <TableRow>
            <TableHeader>{t.check}</TableHeader>
            <TableHeader>{t.status}</TableHeader>
            <TableHeader>{t.detail}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.checks.map((c, i) => (
            <TableRow key={`${c.check}-${i}`}>
              <TableCell>{c.check}</TableCell>
              <TableCell>
                <StatusTag variant={STATUS_VARIANT[c.status]}>{t.statusWord[c.status]}</StatusTag>
              </TableCell>
              <TableCell>{c.detail}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Heading>{t.playbook}</Heading>
      <DescriptionList direction="row">
        <DescriptionListItem label={t.name}>{view.playbook.name}</DescriptionListItem>
        <DescriptionListItem label={t.language}>{view.playbook.locale}</DescriptionListItem>
        <DescriptionListItem label={t.timezone}>{view.playbook.timezone}</DescriptionListItem>
        <DescriptionListItem label={t.file}>{view.playbook.path}</DescriptionListItem>
      </DescriptionList>
      <StageMapping view={view} t={t} />
      <Heading>{t.email}</Heading>
      <DescriptionList direction="row">
        <DescriptionListItem label={t.transport}>{view.email.transport}</DescriptionListItem>
        <DescriptionListItem label={t.sender}>{view.email.from}</DescriptionListItem>
        <DescriptionListItem label={t.replyTo}>{view.email.replyTo ?? t.none}</DescriptionListItem>
        <DescriptionListItem label={t.brand}>{view.email.brandName}</DescriptionListItem>
      </DescriptionList>
      <Heading>{t.examples}</Heading>
      {view.exampleContent.length === 0 ? (
        <Text testId="no-examples">{t.noExamples}</Text>
      ) : (
        <Alert title={t.replaceExamples} variant="warning" testId="examples">
          {view.exampleContent.map((e) => `${e.where}: ${e.title}`).join(' · ')}
        </Alert>
      )}
    </Flex>
  );
}

function StageMapping({ view, t }: { view: SettingsView; t: Words }) {
  return (
    <>
      <Heading>{t.stageMapping}</Heading>
      {view.pipelinesProblem ? <Alert title={t.pipelinesNotRead} variant="warning">{view.pipelinesProblem}</Alert> : null}
      <Table testId="stage-mapping" density="condensed">
        <TableHead>
          <TableRow>
            <TableHeader>{t.pipeline}</TableHeader>
            <TableHeader>{t.stage}</TableHeader>
            <TableHeader>{t.kind}</TableHeader>
            <TableHeader>{t.phase}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.stageMapping.flatMap((p) =>
            p.stages.map((s) => (
              <TableRow key={`${p.pipelineId}/${s.stageId}`}>
                <TableCell>{p.pipelineLabel}</TableCell>
                <TableCell>{s.label}</TableCell>
                <TableCell>{t.kindWord[s.kind]}</TableCell>
                <TableCell>{s.flagged ? <StatusTag variant="danger">{t.unmappedFlag(s.kind)}</StatusTag> : (s.target ?? t.unmapped)}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </>
  );
}

hubspot.extend<'settings'>(() => <SettingsPage />);

import React, { useEffect, useState } from 'react';
import {
  Alert, Button, DescriptionList, DescriptionListItem, ErrorState, Flex, Heading, hubspot, LoadingSpinner, StatusTag, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text,
} from '@hubspot/ui-extensions';
import type { SettingsView } from '../../../src/server/page-api-types';
import { getFromBackend, problemOf, problemText, type Load } from './lib/backend';

const STATUS_VARIANT = { ok: 'success', warn: 'warning', fail: 'danger' } as const;
const STATUS_WORD = { ok: 'OK', warn: 'Check', fail: 'Fix' } as const;

/**
 * first100's settings page, read-only: the playbook stays in git. It shows the `first100 doctor` checks as the
 * server runs them, the playbook and its stage mapping against the account's pipelines, the email sender, and the
 * example content still in the playbook.
 */
export function SettingsPage() {
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
  if (state.kind === 'loading') return <LoadingSpinner label="Running first100's checks…" layout="centered" />;
  if (state.kind === 'error') {
    return (
      <ErrorState title="first100 could not run its checks" testId="load-error">
        <Text>{problemText(state.problem)}</Text>
        <Button onClick={() => setAttempt((n) => n + 1)}>Try again</Button>
      </ErrorState>
    );
  }
  const view = state.data;
  const failing = view.checks.filter((c) => c.status === 'fail').length;
  return (
    <Flex direction="column" gap="md">
      <Alert title={failing === 0 ? 'first100 and HubSpot fit together' : `${failing} thing(s) to fix`} variant={failing === 0 ? 'success' : 'danger'} testId="summary">
        {failing === 0 ? 'Every check passed.' : 'Each check below says what to fix. Run "first100 doctor" on the server for the same list.'}
      </Alert>
      <Button onClick={() => setAttempt((n) => n + 1)} testId="recheck">Check again</Button>
      <Table testId="checks" density="condensed">
        <TableHead>
          <TableRow>
            <TableHeader>Check</TableHeader>
            <TableHeader>Status</TableHeader>
            <TableHeader>Detail</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.checks.map((c, i) => (
            <TableRow key={`${c.check}-${i}`}>
              <TableCell>{c.check}</TableCell>
              <TableCell>
                <StatusTag variant={STATUS_VARIANT[c.status]}>{STATUS_WORD[c.status]}</StatusTag>
              </TableCell>
              <TableCell>{c.detail}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Heading>Playbook</Heading>
      <DescriptionList direction="row">
        <DescriptionListItem label="Name">{view.playbook.name}</DescriptionListItem>
        <DescriptionListItem label="Language">{view.playbook.locale}</DescriptionListItem>
        <DescriptionListItem label="Time zone">{view.playbook.timezone}</DescriptionListItem>
        <DescriptionListItem label="File">{view.playbook.path}</DescriptionListItem>
      </DescriptionList>
      <StageMapping view={view} />
      <Heading>Email</Heading>
      <DescriptionList direction="row">
        <DescriptionListItem label="Transport">{view.email.transport}</DescriptionListItem>
        <DescriptionListItem label="Sender">{view.email.from}</DescriptionListItem>
        <DescriptionListItem label="Reply to">{view.email.replyTo ?? '—'}</DescriptionListItem>
        <DescriptionListItem label="Brand">{view.email.brandName}</DescriptionListItem>
      </DescriptionList>
      <Heading>Example content still in the playbook</Heading>
      {view.exampleContent.length === 0 ? (
        <Text testId="no-examples">None: the playbook tells only your own stories.</Text>
      ) : (
        <Alert title="Replace these examples before going live" variant="warning" testId="examples">
          {view.exampleContent.map((e) => `${e.where}: ${e.title}`).join(' · ')}
        </Alert>
      )}
    </Flex>
  );
}

function StageMapping({ view }: { view: SettingsView }) {
  return (
    <>
      <Heading>Stage mapping against the account's pipelines</Heading>
      {view.pipelinesProblem ? <Alert title="Pipelines not read" variant="warning">{view.pipelinesProblem}</Alert> : null}
      <Table testId="stage-mapping" density="condensed">
        <TableHead>
          <TableRow>
            <TableHeader>Pipeline</TableHeader>
            <TableHeader>Stage</TableHeader>
            <TableHeader>Kind</TableHeader>
            <TableHeader>first100 phase</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.stageMapping.flatMap((p) =>
            p.stages.map((s) => (
              <TableRow key={`${p.pipelineId}/${s.stageId}`}>
                <TableCell>{p.pipelineLabel}</TableCell>
                <TableCell>{s.label}</TableCell>
                <TableCell>{s.kind}</TableCell>
                <TableCell>{s.flagged ? <StatusTag variant="danger">{`not mapped: a ${s.kind} stage`}</StatusTag> : (s.target ?? 'not mapped')}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </>
  );
}

hubspot.extend<'settings'>(() => <SettingsPage />);

import React, { useState } from 'react';
import { Button, Flex, Heading, Select, Text, TextArea } from '@hubspot/ui-extensions';
import type { PmRecordsView } from '../../../../src/server/pm-record-routes';
import type { Locale, Text as Words } from '../lib/i18n';
import { ProblemAlert } from '../lib/states';
import { useBackend, useWrite } from '../lib/use-backend';

/** The panel's own words; the choices and their labels come from the server (src/domain/pm-records.ts, handoff-items.ts). */
const WORDS = {
  en: {
    title: 'What the PM records',
    kickoff: 'Kickoff',
    kickoffHeld: 'Held',
    kickoffNotYet: 'Not marked held yet: the kickoff survey waits for it (or for the kickoff task to be completed).',
    markHeld: 'Mark the kickoff held',
    doubt: "Client's doubt, after the reassurance call",
    handoffGuess: (label: string) => `Sales recorded at the handoff: ${label}`,
    confirmDoubt: 'Confirm or correct',
    result: 'How the onboarding ended',
    resultNotYet: 'Not recorded: no email speaks of a result until you record it.',
    recordResult: 'Record the result',
    note: 'Note (optional, goes on the timeline)',
    by: (who: string | null, at: string) => `${who ?? 'a HubSpot user'}, ${at.slice(0, 10)}`,
  },
  it: {
    title: 'Cosa registra il PM',
    kickoff: 'Kickoff',
    kickoffHeld: 'Svolto',
    kickoffNotYet: 'Non ancora segnato come svolto: il sondaggio sul kickoff lo aspetta (o aspetta che l’attività del kickoff sia completata).',
    markHeld: 'Segna il kickoff come svolto',
    doubt: 'Dubbio del cliente, dopo la chiamata di rassicurazione',
    handoffGuess: (label: string) => `Il commerciale aveva indicato nel passaggio di consegne: ${label}`,
    confirmDoubt: 'Conferma o correggi',
    result: 'Com’è finito l’onboarding',
    resultNotYet: 'Non registrato: nessuna email parla di un risultato finché non lo registri.',
    recordResult: 'Registra l’esito',
    note: 'Nota (facoltativa, va nella cronologia)',
    by: (who: string | null, at: string) => `${who ?? 'un utente HubSpot'}, ${at.slice(0, 10)}`,
  },
};

/**
 * The PM records what only a person can judge: the kickoff took place, the client's real doubt after the
 * reassurance call, and how the onboarding ended. What the client receives afterwards follows from these.
 */
export function PmRecordsPanel({ dealId, locale, t }: { dealId: string | number; locale: Locale; t: Words }) {
  const w = WORDS[locale];
  const path = `/api/cards/deals/${dealId}/records?locale=${locale}`;
  const { state, show } = useBackend<PmRecordsView>(path);
  const { run, busy, problem } = useWrite<PmRecordsView>(path, show);
  const [outcome, setOutcome] = useState('achieved');
  const [doubt, setDoubt] = useState('');
  const [note, setNote] = useState('');
  if (state.kind !== 'ready' || !Array.isArray(state.data.records) || !state.data.choices) return null;
  const view = state.data;
  const record = (kind: string) => view.records.find((r) => r.kind === kind);
  const kickoff = record('kickoff_held');
  const remorse = record('remorse_type');
  const result = record('accomplish_outcome');
  const guess = view.choices.remorse_type.find((d) => d.value === view.handoffRemorseType);
  const send = async (body: Record<string, unknown>) => {
    if (await run({ ...body, note: note.trim() })) setNote('');
  };
  return (
    <Flex direction="column" gap="sm">
      <Heading>{w.title}</Heading>
      <Text format={{ fontWeight: 'demibold' }}>{w.kickoff}</Text>
      <Text testId="kickoff-record">{kickoff ? `${w.kickoffHeld} (${w.by(kickoff.by, kickoff.at)})` : w.kickoffNotYet}</Text>
      {kickoff ? null : (
        <Button testId="mark-kickoff-held" disabled={busy} onClick={() => send({ kind: 'kickoff_held', value: 'held' })}>
          {w.markHeld}
        </Button>
      )}
      <Text format={{ fontWeight: 'demibold' }}>{w.doubt}</Text>
      {guess ? <Text>{w.handoffGuess(guess.label)}</Text> : null}
      {remorse ? <Text testId="remorse-record">{`${remorse.label} (${w.by(remorse.by, remorse.at)})`}</Text> : null}
      <Select label={w.confirmDoubt} name="remorse-type" testId="remorse-select" value={doubt || remorse?.value || view.handoffRemorseType || ''} options={view.choices.remorse_type} onChange={(v) => setDoubt(String(v))} />
      <Button testId="confirm-remorse" disabled={busy || !(doubt || remorse?.value || view.handoffRemorseType)} onClick={() => send({ kind: 'remorse_type', value: doubt || remorse?.value || view.handoffRemorseType })}>
        {w.confirmDoubt}
      </Button>
      <Text format={{ fontWeight: 'demibold' }}>{w.result}</Text>
      <Text testId="outcome-record">{result ? `${result.label} (${w.by(result.by, result.at)})` : w.resultNotYet}</Text>
      <Select label={w.result} name="outcome" testId="outcome-select" value={outcome} options={view.choices.accomplish_outcome} onChange={(v) => setOutcome(String(v))} />
      <TextArea label={w.note} name="record-note" testId="record-note" value={note} maxLength={1000} onChange={(v) => setNote(v)} />
      <ProblemAlert problem={problem} t={t} />
      <Button testId="record-outcome" variant="primary" disabled={busy} onClick={() => send({ kind: 'accomplish_outcome', value: outcome })}>
        {w.recordResult}
      </Button>
    </Flex>
  );
}

import React, { useState } from 'react';
import { Button, Flex, Select, TextArea } from '@hubspot/ui-extensions';
import type { DealCardView } from '../../../../src/server/card-api-types';
import type { Text } from '../lib/i18n';
import { ProblemAlert } from '../lib/states';
import { useWrite } from '../lib/use-backend';

interface Props {
  view: DealCardView;
  t: Text;
  path: string;
  /** The phase preselected: the next one, or admit when onboarding starts. */
  suggested: string;
  onMoved: (view: DealCardView) => void;
}

/** A PM moves the deal to a phase (or starts its onboarding), saying why: the reason goes on the deal's timeline. */
export function PhaseMoveForm({ view, t, path, suggested, onMoved }: Props) {
  const [to, setTo] = useState(suggested);
  const [reason, setReason] = useState('');
  const { run, busy, problem } = useWrite<DealCardView>(path, onMoved);
  const starting = view.onboarding === null;
  const options = view.phases.filter((p) => p.value !== view.onboarding?.phase);
  return (
    <Flex direction="column" gap="sm">
      <Select label={t.phase} name="phase" testId="phase-select" value={to} options={options} onChange={(value) => setTo(String(value))} />
      <TextArea label={t.reason} name="reason" testId="phase-reason" value={reason} maxLength={500} onChange={(value) => setReason(value)} />
      <ProblemAlert problem={problem} t={t} />
      <Button
        testId="phase-move"
        variant="primary"
        disabled={busy || reason.trim().length < 3}
        onClick={async () => {
          if (await run({ to, reason: reason.trim() })) setReason('');
        }}
      >
        {starting ? t.start : t.move}
      </Button>
    </Flex>
  );
}

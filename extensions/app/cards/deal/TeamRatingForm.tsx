import React, { useState } from 'react';
import { Button, Flex, Select, Text } from '@hubspot/ui-extensions';
import type { DealCardView, TouchpointView } from '../../../../src/server/card-api-types';
import type { Text as Words } from '../lib/i18n';
import { ProblemAlert } from '../lib/states';
import { useWrite } from '../lib/use-backend';
import type { TouchpointWords } from '../touchpoints/words';

interface Props {
  touchpoints: TouchpointView[];
  t: Words;
  w: TouchpointWords;
  /** The card API path that stores a rating and answers with the deal card's view. */
  path: string;
  onRated: (view: DealCardView) => void;
}

const scores = (tp: TouchpointView) =>
  Array.from({ length: tp.max - tp.min + 1 }, (_, i) => tp.min + i).map((n) => ({
    value: n,
    label: n === tp.min ? `${n} – ${tp.ends.low}` : n === tp.max ? `${n} – ${tp.ends.high}` : String(n),
  }));

/** The PM, or whoever ran a touchpoint, rates it from the team's side on the client's own scale. */
export function TeamRatingForm({ touchpoints, t, w, path, onRated }: Props) {
  const [chosen, setChosen] = useState(0);
  const [score, setScore] = useState<number | null>(null);
  const { run, busy, problem } = useWrite<DealCardView>(path, onRated);
  const tp = touchpoints[chosen] ?? touchpoints[0]!;
  const words = { ...t, ruleErrors: { ...t.ruleErrors, ...w.ruleErrors } };
  return (
    <Flex direction="column" gap="sm">
      <Select
        label={w.touchpoint}
        name="touchpoint"
        testId="rating-touchpoint"
        value={chosen}
        options={touchpoints.map((x, i) => ({ value: i, label: `${x.touchpoint} (${x.scale})` }))}
        onChange={(value) => {
          setChosen(Number(value));
          setScore(null);
        }}
      />
      <Text testId="rating-question">{tp.question}</Text>
      <Select label={w.score} name="score" testId="rating-score" value={score ?? undefined} options={scores(tp)} onChange={(value) => setScore(Number(value))} />
      <ProblemAlert problem={problem} t={words} />
      <Button
        testId="rating-save"
        variant="primary"
        disabled={busy || score === null}
        onClick={async () => {
          if (score !== null && (await run({ survey: tp.survey, touchpoint: tp.touchpoint, score }))) setScore(null);
        }}
      >
        {w.save}
      </Button>
    </Flex>
  );
}

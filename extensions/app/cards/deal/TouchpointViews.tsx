import React from 'react';
import { Divider, Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { DealCardView } from '../../../../src/server/card-api-types';
import type { Locale, Text as Words } from '../lib/i18n';
import { TouchpointTable } from '../touchpoints/TouchpointTable';
import { TOUCHPOINT_WORDS } from '../touchpoints/words';
import { TeamRatingForm } from './TeamRatingForm';

interface Props {
  view: DealCardView;
  t: Words;
  locale: Locale;
  /** The deal's card API path (without query). */
  path: string;
  onRated: (view: DealCardView) => void;
}

/**
 * Outside-in validation on the deal: the latest answer of each scale, then per surveyed touchpoint the team's view
 * beside the client's (a gap of 2 points or more flagged), and the team's own rating form.
 */
export function TouchpointViews({ view, t, locale, path, onRated }: Props) {
  const w = TOUCHPOINT_WORDS[locale];
  if (!view.onboarding || view.touchpoints.length === 0) return null;
  return (
    <Flex direction="column" gap="sm">
      <Divider />
      <Heading>{w.heading}</Heading>
      <Text>{w.intro}</Text>
      {view.lastScores.length > 0 ? (
        <Text testId="latest-per-scale">{`${w.latestPerScale}: ${view.lastScores.map((s) => s.label).join(' · ')}`}</Text>
      ) : null}
      <TouchpointTable rows={view.touchpoints} w={w} testId="touchpoint-views" />
      <Heading>{w.rateHeading}</Heading>
      <Text>{w.rateHelp}</Text>
      <TeamRatingForm touchpoints={view.touchpoints} t={t} w={w} path={`${path}/touchpoint-ratings?locale=${locale}`} onRated={onRated} />
    </Flex>
  );
}

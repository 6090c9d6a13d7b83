import React from 'react';
import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { CompanyCardView } from '../../../../src/server/card-api-types';
import type { Locale } from '../lib/i18n';
import { TouchpointTable } from '../touchpoints/TouchpointTable';
import { TOUCHPOINT_WORDS } from '../touchpoints/words';

/** The company's deals, per touchpoint someone scored: the team's view beside the client's, the gaps first. */
export function TouchpointGaps({ view, locale }: { view: CompanyCardView; locale: Locale }) {
  const w = TOUCHPOINT_WORDS[locale];
  if (view.touchpoints.length === 0) return null;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{w.heading}</Heading>
      <Text>{w.intro}</Text>
      <TouchpointTable rows={view.touchpoints} w={w} testId="company-touchpoint-views" />
    </Flex>
  );
}

import React from 'react';
import { Flex, Text } from '@hubspot/ui-extensions';
import type { DealCardView, HealthDetailView } from '../../../../src/server/card-api-types';

const WORDS = {
  en: {
    why: 'Why',
    goLive: (date: string) => `Projected go-live ${date}`,
    slip: (days: number) => (days === 0 ? 'on plan' : days > 0 ? `${days} business ${days === 1 ? 'day' : 'days'} late` : `${-days} business ${days === -1 ? 'day' : 'days'} early`),
    inPhase: (days: number, expected: number) => `${days} of ${expected} business days expected in this phase`,
  },
  it: {
    why: 'Perché',
    goLive: (date: string) => `Go-live previsto ${date}`,
    slip: (days: number) => (days === 0 ? 'nei tempi' : days > 0 ? `${days} ${days === 1 ? 'giorno lavorativo' : 'giorni lavorativi'} di ritardo` : `${-days} ${days === -1 ? 'giorno lavorativo' : 'giorni lavorativi'} di anticipo`),
    inPhase: (days: number, expected: number) => `${days} giorni lavorativi su ${expected} previsti in questa fase`,
  },
};

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The computed health's reasons (most severe first), time in phase against the expected, and go-live with its slip. */
export function HealthReasons({ view }: { view: DealCardView }) {
  const detail: HealthDetailView | null | undefined = view.healthDetail;
  if (!detail) return null;
  const w = WORDS[view.locale];
  const goLive = detail.projectedGoLive
    ? `${w.goLive(detail.projectedGoLive)}${detail.slipBusinessDays === null ? '' : ` (${w.slip(detail.slipBusinessDays)})`}`
    : null;
  return (
    <Flex direction="column" gap="xs">
      {detail.reasons.length > 0 ? <Text format={{ fontWeight: 'demibold' }}>{w.why}</Text> : null}
      {detail.reasons.map((reason, i) => (
        <Text key={i} testId={`health-reason-${i}`}>{`• ${sentence(reason)}`}</Text>
      ))}
      {detail.expectedBusinessDays === null ? null : <Text testId="time-in-phase">{w.inPhase(detail.businessDaysInPhase, detail.expectedBusinessDays)}</Text>}
      {goLive ? <Text testId="go-live">{goLive}</Text> : null}
    </Flex>
  );
}

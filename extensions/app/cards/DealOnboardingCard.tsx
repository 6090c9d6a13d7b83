import React from 'react';
import {
  Divider,
  EmptyState,
  Flex,
  Heading,
  hubspot,
  Statistics,
  StatisticsItem,
  StatusTag,
  StepIndicator,
  Text,
} from '@hubspot/ui-extensions';
import type { DealCardView } from '../../../src/server/card-api-types';
import { ClientPageSection } from './deal/ClientPageSection';
import { HealthReasons } from './deal/HealthReasons';
import { NextStepsTable } from './deal/NextStepsTable';
import { PhaseMoveForm } from './deal/PhaseMoveForm';
import { PmRecordsPanel } from './deal/PmRecordsPanel';
import { TouchpointViews } from './deal/TouchpointViews';
import { TEXT, uiLocale, type Text as Words } from './lib/i18n';
import { HubSpotDown, LoadError, Loading } from './lib/states';
import { useBackend } from './lib/use-backend';

/** The parts of HubSpot's extension context the card reads. */
export interface RecordContext {
  user: { locale?: string };
  crm: { objectId: number | string };
}

const HEALTH_VARIANT: Record<string, 'success' | 'warning' | 'danger' | 'default'> = {
  on_track: 'success',
  needs_attention: 'warning',
  at_risk: 'danger',
  silent: 'danger',
  behind: 'warning',
  stuck: 'warning',
};

/** The deal's first 100 days: the 8 phases, day N, time in phase, health, next steps, last feedback; a PM moves the phase. */
export function DealOnboardingCard({ context }: { context: RecordContext }) {
  const locale = uiLocale(context.user.locale);
  const t = TEXT[locale];
  const path = `/api/cards/deals/${context.crm.objectId}`;
  const { state, reload, show } = useBackend<DealCardView>(`${path}?locale=${locale}`);
  if (state.kind === 'loading') return <Loading t={t} />;
  if (state.kind === 'error') return <LoadError problem={state.problem} t={t} onRetry={reload} />;
  const view = state.data;
  const movePath = `${path}/phase?locale=${locale}`;
  const onboarding = view.onboarding;

  if (!onboarding) {
    return (
      <Flex direction="column" gap="md">
        <HubSpotDown view={view} t={t} />
        <EmptyState title={t.notInOnboarding} layout="vertical" imageName="deals" testId="not-in-onboarding">
          <Text>{view.lost ? t.lostText : t.notInOnboardingText}</Text>
          <Heading>{t.startOnboarding}</Heading>
          <PhaseMoveForm key="start" view={view} t={t} path={movePath} suggested="admit" onMoved={show} />
        </EmptyState>
      </Flex>
    );
  }
  const next = view.phases[Math.min(onboarding.phaseIndex + 1, view.phases.length - 1)]!.value;
  return (
    <Flex direction="column" gap="md">
      <StepIndicator stepNames={view.phases.map((p) => p.label)} currentStep={onboarding.phaseIndex} testId="phases" />
      <HubSpotDown view={view} t={t} />
      <Statistics>
        <StatisticsItem label={onboarding.phaseLabel} number={onboarding.day === null ? t.beforeDayZero : t.dayOf(onboarding.day, onboarding.of)} testId="day">
          <Text>{t.inPhaseFor(onboarding.daysInPhase)}</Text>
        </StatisticsItem>
        <StatisticsItem label={t.lastFeedback} number={view.lastFeedback ? view.lastFeedback.label : t.noFeedback} testId="last-feedback" />
      </Statistics>
      <Flex direction="row" gap="sm" align="center">
        <Text format={{ fontWeight: 'demibold' }}>{t.health}</Text>
        <StatusTag variant={view.health ? (HEALTH_VARIANT[view.health.value] ?? 'default') : 'default'} testId="health">
          {view.health?.label ?? t.notAssessed}
        </StatusTag>
        <Text format={{ fontWeight: 'demibold' }}>{t.handoff}</Text>
        <StatusTag variant={view.handoff.status === 'accepted' ? 'success' : 'default'} testId="handoff-status">
          {`${view.handoff.label} (${view.handoff.completeness}%)`}
        </StatusTag>
      </Flex>
      <HealthReasons view={view} />
      <Heading>{t.nextSteps}</Heading>
      <NextStepsTable steps={view.nextSteps} t={t} locale={locale} />
      <PmRecordsPanel dealId={context.crm.objectId} locale={locale} t={t} />
      <TouchpointViews view={view} t={t} locale={locale} path={path} onRated={show} />
      <ClientPageSection dealId={context.crm.objectId} locale={locale} t={t} />
      <Divider />
      <MoveSection view={view} t={t} path={movePath} suggested={next} onMoved={show} />
    </Flex>
  );
}

function MoveSection(props: { view: DealCardView; t: Words; path: string; suggested: string; onMoved: (v: DealCardView) => void }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>{props.t.movePhase}</Heading>
      <PhaseMoveForm key={props.view.onboarding?.phase} {...props} />
    </Flex>
  );
}

hubspot.extend<'crm.record.tab'>(({ context }) => <DealOnboardingCard context={context} />);

import React from 'react';
import {
  DescriptionList,
  DescriptionListItem,
  EmptyState,
  Flex,
  Heading,
  hubspot,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { CompanyCardView } from '../../../src/server/card-api-types';
import { TouchpointGaps } from './company/TouchpointGaps';
import type { RecordContext } from './DealOnboardingCard';
import { formatDate, TEXT, uiLocale, type Locale, type Text as Words } from './lib/i18n';
import { HubSpotDown, LoadError, Loading } from './lib/states';
import { useBackend } from './lib/use-backend';

/** A client company: its deals in onboarding (phase, day, health), its health and segment, the feedback it gave. */
export function CompanyOnboardingCard({ context }: { context: RecordContext }) {
  const locale = uiLocale(context.user.locale);
  const t = TEXT[locale];
  const { state, reload } = useBackend<CompanyCardView>(`/api/cards/companies/${context.crm.objectId}?locale=${locale}`);
  if (state.kind === 'loading') return <Loading t={t} />;
  if (state.kind === 'error') return <LoadError problem={state.problem} t={t} onRetry={reload} />;
  const view = state.data;
  return (
    <Flex direction="column" gap="md">
      <HubSpotDown view={view} t={t} />
      <DescriptionList direction="row">
        <DescriptionListItem label={t.companyHealth}>
          <StatusTag variant={view.health?.value === 'on_track' ? 'success' : view.health ? 'warning' : 'default'} testId="company-health">
            {view.health?.label ?? t.notComputed}
          </StatusTag>
        </DescriptionListItem>
        <DescriptionListItem label={t.segment}>
          <StatusTag variant={view.segment?.value === 'loyal' ? 'success' : view.segment?.value === 'at_risk' ? 'danger' : 'default'} testId="segment">
            {view.segment?.label ?? t.notComputed}
          </StatusTag>
        </DescriptionListItem>
      </DescriptionList>
      <Heading>{t.onboardingDeals}</Heading>
      {view.deals.length === 0 ? (
        <EmptyState title={t.onboardingDeals} layout="horizontal" imageName="deals" testId="no-deals">
          <Text>{t.noOnboardingDeals}</Text>
        </EmptyState>
      ) : (
        <Deals view={view} t={t} />
      )}
      <Heading>{t.feedback}</Heading>
      <Feedback view={view} t={t} locale={locale} />
      <TouchpointGaps view={view} locale={locale} />
    </Flex>
  );
}

function Deals({ view, t }: { view: CompanyCardView; t: Words }) {
  return (
    <Table density="condensed" testId="deals">
      <TableHead>
        <TableRow>
          <TableHeader>{t.deal}</TableHeader>
          <TableHeader>{t.phase}</TableHeader>
          <TableHeader>{t.day}</TableHeader>
          <TableHeader>{t.health}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {view.deals.map((d) => (
          <TableRow key={d.dealId}>
            <TableCell>{d.name}</TableCell>
            <TableCell>{d.phaseLabel}</TableCell>
            <TableCell>{d.day === null ? t.beforeDayZero : t.dayOf(d.day, 100)}</TableCell>
            <TableCell>{d.health?.label ?? t.notAssessed}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Feedback({ view, t, locale }: { view: CompanyCardView; t: Words; locale: Locale }) {
  if (view.feedback.length === 0) return <Text testId="no-feedback">{t.noFeedbackHistory}</Text>;
  return (
    <Table density="condensed" testId="feedback">
      <TableHead>
        <TableRow>
          <TableHeader>{t.when}</TableHeader>
          <TableHeader>{t.deal}</TableHeader>
          <TableHeader>{t.lastFeedback}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {view.feedback.map((f) => (
          <TableRow key={f.dealId}>
            <TableCell>{formatDate(f.at, locale)}</TableCell>
            <TableCell>{f.dealName}</TableCell>
            <TableCell>{f.label}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

hubspot.extend<'crm.record.tab'>(({ context }) => <CompanyOnboardingCard context={context} />);

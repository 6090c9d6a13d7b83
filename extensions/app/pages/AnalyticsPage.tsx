import React, { useState } from 'react';
import {
  ErrorState, Flex, Heading, LineChart, LoadingSpinner, Statistics, StatisticsItem, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text, ToggleGroup,
} from '@hubspot/ui-extensions';
import { PageLink, PageTitle } from '@hubspot/ui-extensions/pages';
import type { AnalyticsView, OnTimeRate, Spread } from '../../../src/server/page-api-types';
import { problemText } from './lib/backend';
import { usePageData } from './lib/use-page-data';
import type { Locale, Words } from './lib/words';

const RANGES = ['30', '90', '365'];

/** Analytics: phase durations, day zero to activate/accomplish, on-time rates, feedback per touchpoint, handoffs. */
export function AnalyticsPage({ t, locale }: { t: Words; locale: Locale }) {
  const [range, setRange] = useState('90');
  const state = usePageData<AnalyticsView>(`/api/pages/analytics?range=${range}&locale=${locale}`);
  return (
    <Flex direction="column" gap="md">
      <PageTitle>{t.analytics}</PageTitle>
      <PageLink to="/">{t.toPortfolio}</PageLink>
      <ToggleGroup
        name="range"
        label={t.range}
        testId="range"
        toggleType="radioButtonList"
        inline={true}
        value={range}
        onChange={(value: string) => setRange(value)}
        options={RANGES.map((r) => ({ label: t.lastDays(Number(r)), value: r }))}
      />
      {state.kind === 'loading' && <LoadingSpinner label={t.loading} layout="centered" />}
      {state.kind === 'error' && (
        <ErrorState title={t.errorTitle} testId="load-error">
          <Text>{problemText(state.problem, locale)}</Text>
        </ErrorState>
      )}
      {state.kind === 'ready' && <Analytics view={state.data} t={t} />}
    </Flex>
  );
}

const show = (n: number | null) => (n === null ? '—' : String(n));

function Analytics({ view, t }: { view: AnalyticsView; t: Words }) {
  return (
    <>
      <Text testId="computed-at" variant="microcopy">{t.computedAt(view.computed.local, view.computed.timezone)}</Text>
      <Heading>{t.businessDays}</Heading>
      <Table testId="phase-durations" density="condensed">
        <TableHead>
          <TableRow>
            <TableHeader>{t.phase}</TableHeader>
            <TableHeader>{t.completed}</TableHeader>
            <TableHeader>{t.median}</TableHeader>
            <TableHeader>{t.p80}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.phaseDurations.map((p) => (
            <TableRow key={p.phase.value}>
              <TableCell>{p.phase.label}</TableCell>
              <TableCell>{p.count}</TableCell>
              <TableCell>{show(p.median)}</TableCell>
              <TableCell>{show(p.p80)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Statistics testId="time-to-value">
        <SpreadItem label={t.toActivate} spread={view.toActivate} t={t} />
        <SpreadItem label={t.toAccomplish} spread={view.toAccomplish} t={t} />
      </Statistics>
      <Rates title={t.onTimeByPm} keyLabel={t.pm} rates={view.onTimeByPm} t={t} testId="on-time-pm" />
      <Rates title={t.onTimeByTask} keyLabel={t.playbookTask} rates={view.onTimeByPlaybookTask} t={t} testId="on-time-task" />
      <Heading>{t.feedbackOverTime}</Heading>
      {view.feedback.points.length === 0 ? (
        <Text>{t.none}</Text>
      ) : (
        <LineChart
          testId="feedback-chart"
          data={view.feedback.points.map((p) => ({ period: p.period, series: p.series, average: p.average }))}
          axes={{ x: { field: 'period', fieldType: 'datetime', label: view.feedback.bucket }, y: { field: 'average', fieldType: 'linear' }, options: { groupFieldByColor: 'series' } }}
          options={{ showLegend: true, showTooltips: true }}
        />
      )}
      <Table testId="response-rates" density="condensed">
        <TableHead>
          <TableRow>
            {[t.responseRate, t.sent, t.answered, t.rate].map((h) => <TableHeader key={h}>{h}</TableHeader>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {view.feedback.responseRates.map((r) => (
            <TableRow key={r.series}>
              <TableCell>{r.series}</TableCell>
              <TableCell>{r.sent}</TableCell>
              <TableCell>{r.answered}</TableCell>
              <TableCell>{r.rate === null ? '—' : `${r.rate}%`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Heading>{t.handoff}</Heading>
      <Statistics testId="handoff">
        <StatisticsItem label={t.accepted} number={String(view.handoff.accepted)} />
        <StatisticsItem label={t.completeness} number={view.handoff.averageCompleteness === null ? '—' : `${view.handoff.averageCompleteness}%`} />
      </Statistics>
      <Text format={{ fontWeight: 'demibold' }}>{t.mostAsked}</Text>
      {view.handoff.mostAsked.length === 0 ? <Text>{t.none}</Text> : view.handoff.mostAsked.map((a) => <Text key={a.item} testId={`most-asked-${a.item}`}>{`${a.label}: ${a.questions}`}</Text>)}
    </>
  );
}

function SpreadItem({ label, spread, t }: { label: string; spread: Spread; t: Words }) {
  return (
    <StatisticsItem label={`${label} (${t.median}, ${t.businessDaysShort})`} number={show(spread.median)}>
      <Text>{`${t.p80}: ${show(spread.p80)} · n = ${spread.count}`}</Text>
    </StatisticsItem>
  );
}

function Rates({ title, keyLabel, rates, t, testId }: { title: string; keyLabel: string; rates: OnTimeRate[]; t: Words; testId: string }) {
  return (
    <>
      <Heading>{title}</Heading>
      <Table testId={testId} density="condensed">
        <TableHead>
          <TableRow>
            {[keyLabel, t.due, t.onTime, t.rate].map((h) => <TableHeader key={h}>{h}</TableHeader>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {rates.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{r.label ?? (r.key || t.noPm)}</TableCell>
              <TableCell>{r.due}</TableCell>
              <TableCell>{r.onTime}</TableCell>
              <TableCell>{r.rate === null ? '—' : `${r.rate}%`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

import React, { useState } from 'react';
import {
  Alert, BarChart, Button, EmptyState, ErrorState, Flex, Heading, LoadingSpinner, Link, Select, StatusTag, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text, Toggle,
} from '@hubspot/ui-extensions';
import { PageLink, PageTitle } from '@hubspot/ui-extensions/pages';
import type { PortfolioDeal, PortfolioView } from '../../../src/server/page-api-types';
import { problemText } from './lib/backend';
import { usePageData } from './lib/use-page-data';
import type { Locale, Words } from './lib/words';

const PAGE_SIZE = 50;
/** `mine` is "true" for "My onboardings" (the signed-in user's deals as PM), else empty. */
type Filters = { pm: string; phase: string; health: string; pipeline: string; mine: string };
const NO_FILTER: Filters = { pm: '', phase: '', health: '', pipeline: '', mine: '' };

/** A PM as the page names them: HubSpot's name as first100 stored it, else their owner id said as such. */
const pmLabel = (view: PortfolioView, t: Words, id: string) => view.pmNames?.[id] ?? t.owner(id);

/** The query the page asks the server with: only the filters chosen, then the page. */
export function portfolioPath(filters: Filters, start: number, locale: string): string {
  const params = new URLSearchParams({ locale, size: String(PAGE_SIZE), start: String(start) });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return `/api/pages/portfolio?${params}`;
}

/** HubSpot's record page of a deal in this account. */
export const dealUrl = (portalId: number | string, dealId: string) => `https://app.hubspot.com/contacts/${portalId}/record/0-3/${dealId}`;

const HEALTH_VARIANT: Record<string, 'success' | 'warning' | 'danger' | 'default'> = { on_track: 'success', needs_attention: 'warning', silent: 'warning', behind: 'warning', stuck: 'danger', at_risk: 'danger' };

/** The portfolio (home): every deal in onboarding, needing action first, with filters, paging and the chart. */
export function PortfolioPage({ t, locale, portalId }: { t: Words; locale: Locale; portalId: number | string }) {
  const [filters, setFilters] = useState<Filters>(NO_FILTER);
  const [start, setStart] = useState(0);
  const state = usePageData<PortfolioView>(portfolioPath(filters, start, locale));
  const choose = (key: keyof Filters) => (value: string | number | boolean) => {
    setFilters({ ...filters, [key]: String(value) });
    setStart(0);
  };
  return (
    <Flex direction="column" gap="md">
      <PageTitle>{t.portfolio}</PageTitle>
      <PageLink to="/analytics">{t.toAnalytics}</PageLink>
      {state.kind === 'loading' && <LoadingSpinner label={t.loading} layout="centered" />}
      {state.kind === 'error' && (
        <ErrorState title={t.errorTitle} testId="load-error">
          <Text>{problemText(state.problem, locale)}</Text>
        </ErrorState>
      )}
      {state.kind === 'ready' && (
        <>
          <Toggle label={t.mine} testId="filter-mine" checked={filters.mine === 'true'} onChange={(checked) => choose('mine')(checked ? 'true' : '')} />
          {state.data.filters.mine && state.data.me?.ownerId === null && (
            <Alert title={t.notAnOwnerTitle} variant="warning" testId="not-an-owner">
              {t.notAnOwner}
            </Alert>
          )}
          <Flex direction="row" gap="sm" wrap="wrap">
            <Select label={t.pm} testId="filter-pm" value={filters.pm} onChange={choose('pm')} options={[{ label: t.any, value: '' }, ...state.data.choices.pms.map((p) => ({ label: pmLabel(state.data, t, p), value: p }))]} />
            <Select label={t.phase} testId="filter-phase" value={filters.phase} onChange={choose('phase')} options={[{ label: t.any, value: '' }, ...state.data.choices.phases]} />
            <Select label={t.health} testId="filter-health" value={filters.health} onChange={choose('health')} options={[{ label: t.any, value: '' }, ...state.data.choices.healths]} />
            <Select label={t.pipeline} testId="filter-pipeline" value={filters.pipeline} onChange={choose('pipeline')} options={[{ label: t.any, value: '' }, ...state.data.choices.pipelines.map((p) => ({ label: p, value: p }))]} />
          </Flex>
          <Portfolio view={state.data} t={t} portalId={portalId} onPage={setStart} />
        </>
      )}
    </Flex>
  );
}

function Portfolio({ view, t, portalId, onPage }: { view: PortfolioView; t: Words; portalId: number | string; onPage: (start: number) => void }) {
  if (view.total === 0) {
    return (
      <EmptyState title={t.emptyTitle} layout="vertical" testId="empty">
        <Text>{t.empty}</Text>
      </EmptyState>
    );
  }
  const phaseLabels = new Map(view.choices.phases.map((p) => [p.value, p.label]));
  const healthLabels = new Map(view.choices.healths.map((h) => [h.value, h.label]));
  const chartData = view.chart.map((c) => ({ phase: phaseLabels.get(c.phase) ?? c.phase, health: healthLabels.get(c.health) ?? c.health, count: c.count }));
  const { start } = view;
  return (
    <>
      <Heading>{t.dealsPerPhase}</Heading>
      <BarChart
        testId="phase-chart"
        data={chartData}
        axes={{ x: { field: 'phase', fieldType: 'category', label: t.phase }, y: { field: 'count', fieldType: 'linear', label: t.count }, options: { groupFieldByColor: 'health', stacking: true } }}
        options={{ showLegend: true, showTooltips: true }}
      />
      <Table testId="portfolio" density="condensed">
        <TableHead>
          <TableRow>
            {[t.client, t.pm, t.phase, t.day, t.health, t.overdue, t.daysInPhase, t.lastFeedback, t.goLive, t.next].map((h) => (
              <TableHeader key={h}>{h}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {view.deals.map((d) => (
            <DealRow key={d.dealId} deal={d} t={t} portalId={portalId} pm={d.pmOwnerId ? pmLabel(view, t, d.pmOwnerId) : t.noPm} />
          ))}
        </TableBody>
      </Table>
      <Flex direction="row" gap="sm" align="center">
        <Text testId="shown">{t.shown(start + 1, start + view.deals.length, view.total)}</Text>
        <Button testId="previous" disabled={start === 0} onClick={() => onPage(Math.max(0, start - PAGE_SIZE))}>{t.previous}</Button>
        <Button testId="next" disabled={view.next === null} onClick={() => onPage(view.next ?? start)}>{t.nextPage}</Button>
      </Flex>
    </>
  );
}

function DealRow({ deal: d, t, portalId, pm }: { deal: PortfolioDeal; t: Words; portalId: number | string; pm: string }) {
  return (
    <TableRow>
      <TableCell>
        <Link href={{ url: dealUrl(portalId, d.dealId), external: false }}>{d.companyName ?? d.dealName ?? d.dealId}</Link>
        {d.companyName && d.dealName ? <Text variant="microcopy">{d.dealName}</Text> : null}
      </TableCell>
      <TableCell>{pm}</TableCell>
      <TableCell>{d.paused ? `${d.phase.label} (${t.paused})` : d.phase.label}</TableCell>
      <TableCell>{d.day ?? t.unknown}</TableCell>
      <TableCell>
        <StatusTag variant={HEALTH_VARIANT[d.health.value] ?? 'default'}>{d.health.label}</StatusTag>
        {d.health.reasons.length > 0 ? <Text variant="microcopy">{d.health.reasons.join('; ')}</Text> : null}
      </TableCell>
      <TableCell>{d.overdueTasks ?? t.unknown}</TableCell>
      <TableCell>{t.of(d.daysInPhase, d.expectedDays)}</TableCell>
      <TableCell>{d.lastAnswers.length === 0 ? t.unknown : d.lastAnswers.map((a) => `${a.survey} ${a.score}`).join(', ')}</TableCell>
      <TableCell>{d.projectedGoLive === null ? t.unknown : t.slip(d.projectedGoLive, d.slipBusinessDays)}</TableCell>
      <TableCell>{d.nextStep ? `${d.nextStep.dueAt.slice(0, 10)} ${d.nextStep.text}` : t.unknown}</TableCell>
    </TableRow>
  );
}

import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineChart, Statistics, StatisticsItem, Table, TableRow, Text, ToggleGroup } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { AnalyticsPage } from '../../extensions/app/pages/AnalyticsPage';
import { WORDS } from '../../extensions/app/pages/lib/words';
import { fakeBackend, ok, on } from '../cards/fake-backend';
import { fire, textOf } from '../cards/render-helpers';
import { analyticsView } from './page-views';

afterEach(() => vi.restoreAllMocks());

function renderPage() {
  const renderer = createRenderer('pages');
  renderer.render(<AnalyticsPage t={WORDS.en} locale="en" />);
  return renderer;
}

const rows = (r: ReturnType<typeof renderPage>, testId: string) => r.findByTestId(Table, testId).findAll(TableRow).slice(1).map(textOf);

describe('analytics page', () => {
  it('shows per phase the median and 80th percentile of business days, and day zero to activate and accomplish', async () => {
    const backend = fakeBackend(on('GET', '/api/pages/analytics', ok(analyticsView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Table, 'phase-durations')).toBeTruthy());
    expect(backend.calls[0]!.path).toBe('/api/pages/analytics?range=90&locale=en');
    expect(rows(r, 'phase-durations')).toEqual(['Admit 3 1 1.6', 'Affirm 3 4 9.4', 'Activate 2 4.5 4.8', 'Acclimate 1 5 5']);
    // The figures are stored and recomputed every few minutes: the page says when these were computed.
    expect(r.findByTestId(Text, 'computed-at').text).toBe('Figures computed at 2026-12-04 14:05 (Europe/Rome); recomputed when older than 10 minutes');
    const items = r.findByTestId(Statistics, 'time-to-value').findAll(StatisticsItem);
    expect(items.map((i) => [i.props.label, i.props.number, textOf(i)])).toEqual([
      ['Day zero → activate (Median, business days)', '5.5', '80th percentile: 9.6 · n = 4'],
      ['Day zero → accomplish (Median, business days)', '24', '80th percentile: 24 · n = 1'],
    ]);
  });

  it('shows on-time rates by PM and by playbook task, handoff completeness and the most asked items', async () => {
    fakeBackend(on('GET', '/api/pages/analytics', ok(analyticsView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Table, 'on-time-pm')).toBeTruthy());
    expect(rows(r, 'on-time-pm')).toEqual(['201 4 2 50%', '202 1 1 100%']);
    expect(rows(r, 'on-time-task')).toEqual(['kickoff 1 0 0%', 'plan 1 0 0%', 'welcome-call 3 3 100%']);
    expect(r.findByTestId(Statistics, 'handoff').findAll(StatisticsItem).map((i) => [i.props.label, i.props.number])).toEqual([
      ['Accepted checklists', '2'],
      ['Average completeness', '90%'],
    ]);
    expect([r.findByTestId(Text, 'most-asked-goals').text, r.findByTestId(Text, 'most-asked-risks').text]).toEqual(['Goals and desired outcome: 2', 'Risks: 1']);
  });

  it('names the PMs whose HubSpot owner first100 has stored, and shows the id of the others', async () => {
    const view = analyticsView();
    view.onTimeByPm = [{ ...view.onTimeByPm[0]!, label: 'Giulia Bianchi' }, ...view.onTimeByPm.slice(1)];
    fakeBackend(on('GET', '/api/pages/analytics', ok(view)));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Table, 'on-time-pm')).toBeTruthy());
    expect(rows(r, 'on-time-pm')).toEqual(['Giulia Bianchi 4 2 50%', '202 1 1 100%']);
  });

  it('draws feedback per touchpoint over time as a line per series, with the response rates', async () => {
    fakeBackend(on('GET', '/api/pages/analytics', ok(analyticsView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(LineChart, 'feedback-chart')).toBeTruthy());
    const chart = r.findByTestId(LineChart, 'feedback-chart');
    expect(chart.props.data).toEqual([
      { period: '2026-11-09', series: 'Kickoff (CSAT)', average: 4 },
      { period: '2026-11-16', series: 'First 90 days (NPS)', average: 9 },
      { period: '2026-11-23', series: 'Kickoff (CSAT)', average: 2 },
    ]);
    expect(chart.props.axes).toMatchObject({ x: { field: 'period', fieldType: 'datetime' }, options: { groupFieldByColor: 'series' } });
    expect(rows(r, 'response-rates')).toEqual(['First 90 days (NPS) 1 1 100%', 'Kickoff (CSAT) 3 2 66.7%']);
  });

  it('asks again for the range chosen: 30, 90 or 365 days', async () => {
    const backend = fakeBackend(on('GET', '/api/pages/analytics', ok(analyticsView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Table, 'phase-durations')).toBeTruthy());
    expect(r.findByTestId(ToggleGroup, 'range').props.options.map((o: { value: string }) => o.value)).toEqual(['30', '90', '365']);
    fire(r.findByTestId(ToggleGroup, 'range'), 'onChange', '365');
    await r.waitFor(() => expect(backend.calls.at(-1)!.path).toBe('/api/pages/analytics?range=365&locale=en'));
  });
});

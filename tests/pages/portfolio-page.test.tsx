import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarChart, Button, EmptyState, ErrorState, Link, Select, StatusTag, Table, TableRow } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { PortfolioPage } from '../../extensions/app/pages/PortfolioPage';
import { WORDS } from '../../extensions/app/pages/lib/words';
import { fail, fakeBackend, ok, on } from '../cards/fake-backend';
import { fire, textOf } from '../cards/render-helpers';
import { portfolioView } from './page-views';

afterEach(() => vi.restoreAllMocks());

function renderPage() {
  const renderer = createRenderer('pages');
  renderer.render(<PortfolioPage t={WORDS.en} locale="en" portalId={4242} />);
  return renderer;
}

const rows = (r: ReturnType<typeof renderPage>) => r.findByTestId(Table, 'portfolio').findAll(TableRow).slice(1).map(textOf);

describe('portfolio page', () => {
  it('lists the deals in the order the server ranked them, needing action first, each with its health and reason', async () => {
    const backend = fakeBackend(on('GET', '/api/pages/portfolio', ok(portfolioView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Table, 'portfolio')).toBeTruthy());
    expect(backend.calls[0]!.path).toBe('/api/pages/portfolio?locale=en&size=50&start=0');
    const list = rows(r);
    expect(list.map((row) => row.split(' ')[0])).toEqual(['Gamma', 'Borealis', 'Fjord', 'Helix', 'Cobalt', 'Acme']);
    expect(list[0]).toMatch(/Gamma unhappy.*203.*Activate.*23.*At risk.*detractor answer: NPS 3 on 2026-12-01/);
    expect(list[2]).toMatch(/Silent.*no contact from the client since 2026-11-30/);
    expect(list[3]).toMatch(/Stuck.*Adopt: 48 business days in the phase, 8 over the expected 40.*2.*48 of 40.*2027-03-01 \(\+5\)/);
    expect(list[5]).toMatch(/On track.*14.*CSAT 4, NPS 9.*2026-12-07 email "milestone-update"/);
    expect(r.findAll(StatusTag).map((t) => [t.text, t.props.variant])).toEqual([
      ['At risk', 'danger'], ['At risk', 'danger'], ['Silent', 'warning'], ['Stuck', 'danger'], ['Needs attention', 'warning'], ['On track', 'success'],
    ]);
    expect(r.findAll(Link)[0]!.props.href).toEqual({ url: 'https://app.hubspot.com/contacts/4242/record/0-3/107', external: false });
  });

  it('charts deals per phase split by health, with the labels the server gave', async () => {
    fakeBackend(on('GET', '/api/pages/portfolio', ok(portfolioView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(BarChart, 'phase-chart')).toBeTruthy());
    const chart = r.findByTestId(BarChart, 'phase-chart');
    expect(chart.props.data).toEqual([
      { phase: 'Activate', health: 'At risk', count: 1 },
      { phase: 'Activate', health: 'Needs attention', count: 1 },
      { phase: 'Acclimate', health: 'Silent', count: 1 },
      { phase: 'Acclimate', health: 'On track', count: 1 },
      { phase: 'Accomplish', health: 'At risk', count: 1 },
      { phase: 'Adopt', health: 'Stuck', count: 1 },
    ]);
    expect(chart.props.axes).toMatchObject({ x: { field: 'phase', fieldType: 'category' }, y: { field: 'count', fieldType: 'linear' }, options: { groupFieldByColor: 'health', stacking: true } });
  });

  it('asks the server again with each filter chosen, from the first page', async () => {
    const backend = fakeBackend(on('GET', '/api/pages/portfolio', (call) => ok(portfolioView(call.path.includes('pm=201') ? { deals: portfolioView().deals.filter((d) => d.pmOwnerId === '201'), total: 2 } : {}))));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Select, 'filter-pm')).toBeTruthy());
    fire(r.findByTestId(Select, 'filter-pm'), 'onChange', '201');
    await r.waitFor(() => expect(rows(r).map((row) => row.split(' ')[0])).toEqual(['Cobalt', 'Acme']));
    expect(backend.calls.at(-1)!.path).toBe('/api/pages/portfolio?locale=en&size=50&start=0&pm=201');
    fire(r.findByTestId(Select, 'filter-health'), 'onChange', 'at_risk');
    await r.waitFor(() => expect(backend.calls.at(-1)!.path).toBe('/api/pages/portfolio?locale=en&size=50&start=0&pm=201&health=at_risk'));
    await r.waitFor(() => expect(r.findByTestId(Select, 'filter-phase')).toBeTruthy());
    expect(r.findByTestId(Select, 'filter-phase').props.options.map((o: { label: string }) => o.label)).toEqual(['Any', 'Activate', 'Acclimate', 'Accomplish', 'Adopt']);
  });

  it('pages on: the next page starts where the server said', async () => {
    const backend = fakeBackend(on('GET', '/api/pages/portfolio', (call) => ok(portfolioView(call.path.includes('start=50') ? { start: 50, next: null, total: 55 } : { next: 50, total: 55 }))));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Button, 'next').props.disabled).toBe(false));
    expect(r.findByTestId(Button, 'previous').props.disabled).toBe(true);
    r.findByTestId(Button, 'next').trigger('onClick');
    await r.waitFor(() => expect(backend.calls.at(-1)!.path).toBe('/api/pages/portfolio?locale=en&size=50&start=50'));
    await r.waitFor(() => expect(r.findByTestId(Button, 'next').props.disabled).toBe(true));
  });

  it('says so when no deal matches, and when the server refuses', async () => {
    fakeBackend(on('GET', '/api/pages/portfolio', ok(portfolioView({ deals: [], total: 0, chart: [] }))));
    const r = renderPage();
    await r.waitFor(() => expect(textOf(r.findByTestId(EmptyState, 'empty'))).toContain('No deal in onboarding matches these filters.'));
    vi.restoreAllMocks();
    fakeBackend(on('GET', '/api/pages/portfolio', fail(401, 'SIGNATURE_MISMATCH')));
    const refused = renderPage();
    await refused.waitFor(() => expect(textOf(refused.find(ErrorState))).toContain('refused this request'));
  });
});

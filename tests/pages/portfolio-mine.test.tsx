import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, Select, Table, TableRow, Toggle } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { PortfolioPage } from '../../extensions/app/pages/PortfolioPage';
import { WORDS } from '../../extensions/app/pages/lib/words';
import { fakeBackend, ok, on } from '../cards/fake-backend';
import { fire, textOf } from '../cards/render-helpers';
import { portfolioView } from './page-views';

afterEach(() => vi.restoreAllMocks());

function renderPage(locale: 'en' | 'it' = 'en') {
  const renderer = createRenderer('pages');
  renderer.render(<PortfolioPage t={WORDS[locale]} locale={locale} portalId={4242} />);
  return renderer;
}

const rows = (r: ReturnType<typeof renderPage>) => r.findByTestId(Table, 'portfolio').findAll(TableRow).slice(1).map(textOf);
const NAMES = { '201': 'Giulia Bianchi', '202': 'Sara Conti' };

describe('portfolio page: "My onboardings" and the PMs by name', () => {
  it('asks the server for the signed-in user\'s deals when "My onboardings" is switched on, and for all again when off', async () => {
    const mine = portfolioView().deals.filter((d) => d.pmOwnerId === '201');
    const backend = fakeBackend(on('GET', '/api/pages/portfolio', (call) =>
      ok(call.path.includes('mine=true') ? portfolioView({ deals: mine, total: mine.length, filters: { ...portfolioView().filters, mine: true }, me: { ownerId: '201' }, pmNames: NAMES }) : portfolioView({ pmNames: NAMES, me: { ownerId: '201' } }))));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Table, 'portfolio')).toBeTruthy());
    expect(r.findByTestId(Toggle, 'filter-mine').props).toMatchObject({ label: 'My onboardings', checked: false });
    fire(r.findByTestId(Toggle, 'filter-mine'), 'onChange', true);
    await r.waitFor(() => expect(rows(r).map((row) => row.split(' ')[0])).toEqual(['Cobalt', 'Acme']));
    expect(backend.calls.at(-1)!.path).toBe('/api/pages/portfolio?locale=en&size=50&start=0&mine=true');
    expect(r.findByTestId(Toggle, 'filter-mine').props.checked).toBe(true);
    expect(r.maybeFind(Alert)).toBeNull();
    fire(r.findByTestId(Toggle, 'filter-mine'), 'onChange', false);
    await r.waitFor(() => expect(rows(r)).toHaveLength(6));
    expect(backend.calls.at(-1)!.path).toBe('/api/pages/portfolio?locale=en&size=50&start=0');
  });

  it('says clearly when the signed-in user is not a HubSpot owner first100 knows yet', async () => {
    fakeBackend(on('GET', '/api/pages/portfolio', (call) =>
      ok(call.path.includes('mine=true') ? portfolioView({ deals: [], total: 0, chart: [], filters: { ...portfolioView().filters, mine: true }, me: { ownerId: null } }) : portfolioView({ me: { ownerId: null } }))));
    const r = renderPage('it');
    await r.waitFor(() => expect(r.findByTestId(Toggle, 'filter-mine')).toBeTruthy());
    expect(r.maybeFind(Alert)).toBeNull(); // not asked yet: nothing to say
    fire(r.findByTestId(Toggle, 'filter-mine'), 'onChange', true);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'not-an-owner')).toBeTruthy());
    const alert = r.findByTestId(Alert, 'not-an-owner');
    expect(alert.props.title).toBe('first100 non ti conosce ancora come proprietario HubSpot');
    expect(textOf(alert)).toContain('una volta al giorno');
  });

  it('names each PM from HubSpot\'s owners in the rows and the PM filter; an owner not stored yet is said to be an owner id', async () => {
    fakeBackend(on('GET', '/api/pages/portfolio', ok(portfolioView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Table, 'portfolio')).toBeTruthy());
    const list = rows(r);
    expect(list[0]).toMatch(/^Gamma .*Owner 203/);
    expect(list[1]).toContain('Sara Conti');
    expect(list[5]).toContain('Giulia Bianchi');
    expect(list.join(' ')).not.toMatch(/ 20[12] /);
    expect(r.findByTestId(Select, 'filter-pm').props.options).toEqual([
      { label: 'Any', value: '' }, { label: 'Giulia Bianchi', value: '201' }, { label: 'Sara Conti', value: '202' }, { label: 'Owner 203', value: '203' },
    ]);
  });
});

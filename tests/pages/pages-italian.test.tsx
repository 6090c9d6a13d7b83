import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, Button, DescriptionListItem, ErrorState, LoadingSpinner, Select, StatusTag, Table, TableHeader, TableRow, Text, Toggle, ToggleGroup } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { AnalyticsPage } from '../../extensions/app/pages/AnalyticsPage';
import { uiLocale, WORDS } from '../../extensions/app/pages/lib/words';
import { PortfolioPage } from '../../extensions/app/pages/PortfolioPage';
import { SettingsPage } from '../../extensions/app/settings/Settings';
import { fakeBackend, ok, on } from '../cards/fake-backend';
import { textOf } from '../cards/render-helpers';
import { analyticsView, failingSettingsView, portfolioView, settingsView } from './page-views';

afterEach(() => vi.restoreAllMocks());

function renderSettings(locale: string) {
  const renderer = createRenderer('settings');
  renderer.mocks.context.user.locale = locale;
  renderer.render(<SettingsPage />);
  return renderer;
}

const headers = (r: ReturnType<typeof createRenderer>, testId: string) => r.findByTestId(Table, testId).findAll(TableHeader).map((h) => h.text);

describe('the app pages in Italian', () => {
  it('pick Italian for an Italian HubSpot user, English for everyone else, as the cards do', () => {
    expect(['it', 'it-IT', 'IT-it', 'en', 'en-GB', 'de', undefined].map(uiLocale)).toEqual(['it', 'it', 'it', 'en', 'en', 'en', 'en']);
  });

  it('shows the portfolio in Italian and asks the server for Italian labels and reasons', async () => {
    const backend = fakeBackend(on('GET', '/api/pages/portfolio', ok(portfolioView({ locale: 'it' }))));
    const r = createRenderer('pages');
    r.render(<PortfolioPage t={WORDS.it} locale="it" portalId={4242} />);
    await r.waitFor(() => expect(r.findByTestId(Table, 'portfolio')).toBeTruthy());
    expect(backend.calls[0]!.path).toBe('/api/pages/portfolio?locale=it&size=50&start=0');
    expect(headers(r, 'portfolio')).toEqual(['Cliente', 'PM', 'Fase', 'Giorno', 'Salute', 'Attività scadute', 'Giorni nella fase', 'Ultimo feedback', 'Go-live (slittamento)', 'Prossimo passo']);
    expect(r.findAll(Select).map((s) => s.props.label)).toEqual(['PM', 'Fase', 'Salute', 'Pipeline']);
    expect(r.findByTestId(Toggle, 'filter-mine').props.label).toBe('I miei onboarding');
    expect(r.findByTestId(Text, 'shown').text).toBe('1–6 di 6');
    expect(r.findByTestId(Button, 'next').text).toBe('Successivi');
  });

  it('shows analytics in Italian', async () => {
    fakeBackend(on('GET', '/api/pages/analytics', ok(analyticsView())));
    const r = createRenderer('pages');
    r.render(<AnalyticsPage t={WORDS.it} locale="it" />);
    await r.waitFor(() => expect(r.findByTestId(Table, 'phase-durations')).toBeTruthy());
    expect(headers(r, 'phase-durations')).toEqual(['Fase', 'Concluse', 'Mediana', '80° percentile']);
    expect(r.findByTestId(ToggleGroup, 'range').props).toMatchObject({ label: 'Periodo', options: [{ label: 'Ultimi 30 giorni' }, { label: 'Ultimi 90 giorni' }, { label: 'Ultimi 365 giorni' }] });
  });

  it('says in Italian that the server did not answer', async () => {
    fakeBackend(on('GET', '/api/pages/portfolio', { status: 503, body: {} }));
    const r = createRenderer('pages');
    r.render(<PortfolioPage t={WORDS.it} locale="it" portalId={4242} />);
    await r.waitFor(() => expect(r.find(ErrorState).props.title).toBe('first100 non riesce a caricare questa pagina'));
    expect(textOf(r.find(ErrorState))).toContain('Il server di first100 non ha risposto. Riprova tra un minuto');
  });
});

describe('the settings page in the user\'s language', () => {
  it('shows the passing checks, the playbook, the stage mapping and the sender in Italian', async () => {
    fakeBackend(on('GET', '/api/pages/settings', ok(settingsView())));
    const r = renderSettings('it-IT');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'summary')).toBeTruthy());
    expect(r.findByTestId(Alert, 'summary').props).toMatchObject({ title: 'first100 e HubSpot sono configurati correttamente', variant: 'success' });
    expect(textOf(r.findByTestId(Alert, 'summary'))).toBe('Tutti i controlli sono superati.');
    expect(headers(r, 'checks')).toEqual(['Controllo', 'Esito', 'Dettaglio']);
    expect(headers(r, 'stage-mapping')).toEqual(['Pipeline', 'Fase della trattativa', 'Tipo', 'Fase di first100']);
    expect(r.findByTestId(Table, 'stage-mapping').findAll(TableRow).slice(1).map(textOf)).toEqual([
      'Sales Pipeline Contract Sent aperta assess',
      'Sales Pipeline Closed Won vinta admit',
      'Sales Pipeline Closed Lost persa lost',
    ]);
    expect(r.findByTestId(Button, 'recheck').text).toBe('Ripeti i controlli');
    expect(r.findByTestId(Text, 'no-examples').text).toBe('Nessuno: il playbook racconta solo casi reali della vostra azienda.');
    expect(r.findAll(DescriptionListItem).map((i) => i.props.label)).toEqual(['Nome', 'Lingua', 'Fuso orario', 'File', 'Modalità di invio', 'Mittente', 'Rispondi a', 'Marchio']);
  });

  it('shows the failing checks, the unmapped won and lost stages and the examples left, in Italian', async () => {
    fakeBackend(on('GET', '/api/pages/settings', ok(failingSettingsView())));
    const r = renderSettings('it');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'summary').props).toMatchObject({ title: '2 cose da correggere', variant: 'danger' }));
    expect(r.findByTestId(Table, 'checks').findAll(StatusTag).map((t) => t.text)).toEqual(['OK', 'Da correggere', 'Da correggere']);
    expect(r.findByTestId(Table, 'stage-mapping').findAll(StatusTag).map((t) => t.text)).toEqual(['non associata: fase vinta', 'non associata: fase persa']);
    expect(r.findByTestId(Alert, 'examples').props.title).toBe('Sostituisci questi esempi prima di usare first100 con i clienti');
  });

  it('loads and fails in Italian too', async () => {
    fakeBackend(on('GET', '/api/pages/settings', 'never'));
    const loading = renderSettings('it');
    expect(loading.find(LoadingSpinner).props.label).toBe('first100 sta eseguendo i controlli…');
    vi.restoreAllMocks();
    fakeBackend(on('GET', '/api/pages/settings', { status: 403, body: {} }));
    const r = renderSettings('it');
    await r.waitFor(() => expect(r.find(ErrorState).props.title).toBe('first100 non è riuscito a eseguire i controlli'));
    expect(textOf(r.find(ErrorState))).toContain('Il server di first100 ha rifiutato la richiesta.');
    expect(r.find(ErrorState).find(Button).text).toBe('Riprova');
  });

  it('stays in English for an English user', async () => {
    fakeBackend(on('GET', '/api/pages/settings', ok(failingSettingsView())));
    const r = renderSettings('en-US');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'summary').props.title).toBe('2 thing(s) to fix'));
    expect(headers(r, 'stage-mapping')).toEqual(['Pipeline', 'Stage', 'Kind', 'first100 phase']);
  });
});

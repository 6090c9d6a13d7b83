import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, EmptyState, ErrorState, LoadingSpinner, StatusTag, Table, TableRow, Text, Button } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CompanyOnboardingCard } from '../../extensions/app/cards/CompanyOnboardingCard';
import { fail, fakeBackend, ok, on } from './fake-backend';
import { textOf } from './render-helpers';
import { companyView } from './views';

afterEach(() => vi.restoreAllMocks());

const PATH = '/api/cards/companies/123';

function renderCard(locale?: string) {
  const renderer = createRenderer('crm.record.tab');
  if (locale) renderer.mocks.context.user.locale = locale;
  renderer.render(<CompanyOnboardingCard context={renderer.mocks.context} />);
  return renderer;
}

describe('company onboarding card', () => {
  it('shows a spinner while loading', () => {
    fakeBackend(on('GET', PATH, 'never'));
    expect(renderCard().find(LoadingSpinner)).toBeTruthy();
  });

  it('shows its onboarding deals with phase, day and health, its health and segment, and its feedback', async () => {
    const backend = fakeBackend(on('GET', PATH, ok(companyView())));
    const { findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Table, 'deals')).toBeTruthy());
    expect(backend.calls[0]!.path).toBe('/api/cards/companies/123?locale=en');
    expect(findByTestId(StatusTag, 'company-health').text).toBe('At risk');
    expect(findByTestId(StatusTag, 'segment').text).toBe('Occasional');
    const deals = findByTestId(Table, 'deals').findAll(TableRow).slice(1).map(textOf);
    expect(deals[0]).toMatch(/Acme renewal.*Activate.*Day 12 of 100.*On track/);
    expect(deals[1]).toMatch(/Acme pilot.*Assess.*Before the sale.*Not assessed yet/);
    expect(textOf(findByTestId(Table, 'feedback'))).toMatch(/Acme renewal.*NPS 9\/10/);
  });

  it('says so when no deal is in onboarding and no feedback came yet', async () => {
    fakeBackend(on('GET', PATH, ok(companyView({ deals: [], feedback: [], health: null, segment: null }))));
    const { findByTestId, waitFor } = renderCard('it');
    await waitFor(() => expect(textOf(findByTestId(EmptyState, 'no-deals'))).toBe('Nessuna trattativa di questa azienda è in onboarding.'));
    expect(findByTestId(Text, 'no-feedback').text).toContain('Nessun feedback ancora');
    expect(findByTestId(StatusTag, 'segment').text).toBe('Non ancora calcolato');
  });

  it('says when HubSpot could not be asked about a company first100 knows no deal of', async () => {
    fakeBackend(on('GET', PATH, ok(companyView({ name: null, deals: [], feedback: [], health: null, segment: null, hubspotUnavailable: true }))));
    const { findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Alert, 'hubspot-down').text).toContain('shows only what first100 knows'));
    expect(findByTestId(EmptyState, 'no-deals')).toBeTruthy();
  });

  it('says the company is gone when HubSpot has no such company (404)', async () => {
    fakeBackend(on('GET', PATH, fail(404, 'COMPANY_NOT_FOUND')));
    const { find, waitFor } = renderCard();
    await waitFor(() => expect(textOf(find(ErrorState))).toContain('HubSpot has no such company'));
  });

  it('shows an error with a retry', async () => {
    let calls = 0;
    fakeBackend(on('GET', PATH, () => (++calls === 1 ? fail(500, 'INTERNAL') : ok(companyView()))));
    const { find, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(textOf(find(ErrorState))).toContain('The first100 server failed on this request'));
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(Table, 'deals')).toBeTruthy());
  });
});

import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, Button, EmptyState, ErrorState, Heading, LoadingSpinner, Select, StatisticsItem, StatusTag, StepIndicator, TableRow, TextArea } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealOnboardingCard } from '../../extensions/app/cards/DealOnboardingCard';
import { fail, fakeBackend, ok, on } from './fake-backend';
import { fire, textOf } from './render-helpers';
import { dealView, inPhase } from './views';

afterEach(() => vi.restoreAllMocks());

function renderCard(locale?: string) {
  const renderer = createRenderer('crm.record.tab');
  if (locale) renderer.mocks.context.user.locale = locale;
  renderer.render(<DealOnboardingCard context={renderer.mocks.context} />);
  return renderer;
}

describe('deal onboarding card', () => {
  it('shows a spinner while the server answers', () => {
    fakeBackend(on('GET', '/api/cards/deals/123', 'never'));
    const { find } = renderCard();
    expect(find(LoadingSpinner).props.label).toBe('Loading first100…');
  });

  it('shows the 8 phases, day N of 100, time in phase, health, last feedback and next steps', async () => {
    const backend = fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView())));
    const { find, findAll, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(1));
    expect(backend.calls[0]).toMatchObject({ method: 'GET', path: '/api/cards/deals/123?locale=en' });
    expect(find(StepIndicator).props.stepNames).toEqual(['Assess', 'Admit', 'Affirm', 'Activate', 'Acclimate', 'Accomplish', 'Adopt', 'Advocate']);
    expect(findByTestId(StatisticsItem, 'day').props).toMatchObject({ label: 'Admit', number: 'Day 4 of 100' });
    expect(textOf(findByTestId(StatisticsItem, 'day'))).toContain('In this phase for 3 days');
    expect(findByTestId(StatisticsItem, 'last-feedback').props.number).toBe('NPS 8/10');
    expect(findByTestId(StatusTag, 'health').props.variant).toBe('warning');
    expect(findByTestId(StatusTag, 'health').text).toBe('Needs attention');
    const rows = findAll(TableRow).slice(1).map(textOf);
    expect(rows[0]).toContain('Task: Celebrate Acme');
    expect(rows[0]).toContain('Deal owner');
    expect(rows[1]).toContain('Email: welcome');
    expect(rows[2]).toContain('Moves on to Affirm');
  });

  it('speaks Italian to an Italian user, labels included', async () => {
    const backend = fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView('it'))));
    const { find, findAll, findByTestId, waitFor } = renderCard('it-it');
    await waitFor(() => expect(find(StepIndicator).props.stepNames[2]).toBe('Rimorso'));
    expect(backend.calls[0]!.path).toBe('/api/cards/deals/123?locale=it');
    expect(findByTestId(StatisticsItem, 'day').props.number).toBe('Giorno 4 di 100');
    expect(findAll(Heading).map((h) => h.text)).toContain('Prossimi passi');
  });

  it('offers to start onboarding when the deal is not in it, and shows it once started', async () => {
    const started = inPhase(dealView(), 1);
    const backend = fakeBackend(
      on('GET', '/api/cards/deals/123', ok(dealView('en', { onboarding: null, nextSteps: [], health: null, lastFeedback: null }))),
      on('POST', '/api/cards/deals/123/phase', ok(started)),
    );
    const { find, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(EmptyState, 'not-in-onboarding').props.title).toBe('Not in onboarding'));
    expect(findByTestId(Select, 'phase-select').props.value).toBe('admit');
    expect(findByTestId(Button, 'phase-move').props.disabled).toBe(true); // no reason yet

    fire(findByTestId(TextArea, 'phase-reason'), 'onChange', 'Signed on Friday');
    await waitFor(() => expect(findByTestId(Button, 'phase-move').props.disabled).toBe(false));
    findByTestId(Button, 'phase-move').trigger('onClick');
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(1));
    expect(backend.posts()).toEqual([
      { method: 'POST', path: '/api/cards/deals/123/phase?locale=en', body: { requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,}$/), to: 'admit', reason: 'Signed on Friday' } },
    ]);
  });

  it('lets a PM move the phase with a reason', async () => {
    const backend = fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView())), on('POST', '/api/cards/deals/123/phase', ok(inPhase(dealView(), 3))));
    const { find, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(1));
    expect(findByTestId(Select, 'phase-select').props.value).toBe('affirm'); // the next phase is suggested
    expect(findByTestId(Select, 'phase-select').props.options.map((o: { value: unknown }) => o.value)).not.toContain('admit');

    fire(findByTestId(Select, 'phase-select'), 'onChange', 'activate');
    fire(findByTestId(TextArea, 'phase-reason'), 'onChange', 'Kickoff held early');
    await waitFor(() => expect(findByTestId(Button, 'phase-move').props.disabled).toBe(false));
    findByTestId(Button, 'phase-move').trigger('onClick');
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(3));
    expect(backend.posts()[0]!.body).toMatchObject({ to: 'activate', reason: 'Kickoff held early' });
    expect(findByTestId(Select, 'phase-select').props.value).toBe('acclimate');
  });

  it('says why a move was refused', async () => {
    fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView())), on('POST', '/api/cards/deals/123/phase', fail(409, 'ALREADY_IN_PHASE')));
    const { find, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(find(StepIndicator)).toBeTruthy());
    fire(findByTestId(TextArea, 'phase-reason'), 'onChange', 'Try');
    await waitFor(() => expect(findByTestId(Button, 'phase-move').props.disabled).toBe(false));
    findByTestId(Button, 'phase-move').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'write-error').text).toBe('The deal is already in that phase.'));
  });

  it('shows an error that says what to do, and loads again on retry', async () => {
    let attempts = 0;
    fakeBackend(on('GET', '/api/cards/deals/123', () => (++attempts === 1 ? fail(503, 'HUBSPOT_UNAVAILABLE') : ok(dealView()))));
    const { find, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(textOf(find(ErrorState))).toContain('first100 doctor'));
    expect(find(ErrorState).props.title).toBe('first100 could not load this card');
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(1));
  });

  it('says when HubSpot could not be asked about a deal first100 does not know, and still offers to start', async () => {
    fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView('en', { onboarding: null, nextSteps: [], health: null, lastFeedback: null, hubspotUnavailable: true }))));
    const { findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Alert, 'hubspot-down').props.title).toBe('HubSpot did not answer'));
    expect(findByTestId(Alert, 'hubspot-down').text).toContain('shows only what first100 knows');
    expect(findByTestId(EmptyState, 'not-in-onboarding')).toBeTruthy();
    expect(findByTestId(Button, 'phase-move')).toBeTruthy();
  });

  it('shows no HubSpot warning when the store answered', async () => {
    fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView())));
    const { find, maybeFindByTestId, waitFor } = renderCard();
    await waitFor(() => expect(find(StepIndicator)).toBeTruthy());
    expect(maybeFindByTestId(Alert, 'hubspot-down')).toBeNull();
  });

  it('says the deal is gone when HubSpot has no such deal (404)', async () => {
    fakeBackend(on('GET', '/api/cards/deals/123', fail(404, 'DEAL_NOT_FOUND')));
    const { find, waitFor } = renderCard('it');
    await waitFor(() => expect(textOf(find(ErrorState))).toContain('HubSpot non ha questa trattativa'));
  });

  it('tells the user when the server refuses the card (wrong secret or account)', async () => {
    fakeBackend(on('GET', '/api/cards/deals/123', fail(401, 'SIGNATURE_MISMATCH')));
    const { find, waitFor } = renderCard();
    await waitFor(() => expect(textOf(find(ErrorState))).toContain("check the app's client secret and account"));
  });
});

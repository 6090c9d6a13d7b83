import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusTag, StepIndicator, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealOnboardingCard } from '../../extensions/app/cards/DealOnboardingCard';
import { fakeBackend, ok, on } from './fake-backend';
import { dealView } from './views';

afterEach(() => vi.restoreAllMocks());

function renderCard(locale?: string) {
  const renderer = createRenderer('crm.record.tab');
  if (locale) renderer.mocks.context.user.locale = locale;
  renderer.render(<DealOnboardingCard context={renderer.mocks.context} />);
  return renderer;
}

const stuck = {
  health: { value: 'stuck', label: 'Stuck' },
  healthDetail: {
    reasons: ['activate: 7 business days in the phase, 2 over the expected 5', '2 of 3 due tasks still open: "Send the agenda" (due 2027-01-13)'],
    businessDaysInPhase: 7,
    expectedBusinessDays: 5,
    plannedGoLive: '2027-02-01',
    projectedGoLive: '2027-02-03',
    slipBusinessDays: 2,
  },
};

describe('the deal card\'s computed health', () => {
  it('shows the health, each reason most severe first, time in phase against the expected, and go-live with its slip', async () => {
    fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView('en', stuck))));
    const { find, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(find(StepIndicator)).toBeTruthy());
    expect(findByTestId(StatusTag, 'health').props.variant).toBe('warning');
    expect(findByTestId(StatusTag, 'health').text).toBe('Stuck');
    expect(findByTestId(Text, 'health-reason-0').text).toBe('• Activate: 7 business days in the phase, 2 over the expected 5');
    expect(findByTestId(Text, 'health-reason-1').text).toBe('• 2 of 3 due tasks still open: "Send the agenda" (due 2027-01-13)');
    expect(findByTestId(Text, 'time-in-phase').text).toBe('7 of 5 business days expected in this phase');
    expect(findByTestId(Text, 'go-live').text).toBe('Projected go-live 2027-02-03 (2 business days late)');
  });

  it('says so in Italian, an early go-live included, and shows no reasons when on track', async () => {
    const onTrack = { health: { value: 'on_track', label: 'In linea' }, healthDetail: { ...stuck.healthDetail, reasons: [], businessDaysInPhase: 1, projectedGoLive: '2027-01-29', slipBusinessDays: -1 } };
    fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView('it', onTrack))));
    const { find, findAll, findByTestId, waitFor } = renderCard('it');
    await waitFor(() => expect(find(StepIndicator)).toBeTruthy());
    expect(findAll(Text).filter((t) => t.props.testId?.startsWith('health-reason'))).toEqual([]);
    expect(findByTestId(Text, 'go-live').text).toBe('Go-live previsto 2027-01-29 (1 giorno lavorativo di anticipo)');
  });

  it('shows nothing more for a deal whose health was not computed yet', async () => {
    fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView('en'))));
    const { find, findAll, waitFor } = renderCard();
    await waitFor(() => expect(find(StepIndicator)).toBeTruthy());
    expect(findAll(Text).filter((t) => t.props.testId === 'go-live')).toEqual([]);
  });
});

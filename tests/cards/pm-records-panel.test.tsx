import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button, Select, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealOnboardingCard } from '../../extensions/app/cards/DealOnboardingCard';
import type { PmRecordsView } from '../../src/server/pm-record-routes';
import { fakeBackend, ok, on } from './fake-backend';
import { fire } from './render-helpers';
import { dealView } from './views';

afterEach(() => vi.restoreAllMocks());

const choices = (labels: string[], values: string[]) => values.map((value, i) => ({ value, label: labels[i]! }));
const empty: PmRecordsView = {
  dealId: '123',
  records: [],
  handoffRemorseType: 'product_doubt',
  choices: {
    accomplish_outcome: choices(['Goal achieved', 'Goal not achieved', 'Achieved, but the client is not satisfied'], ['achieved', 'failed', 'achieved_not_satisfied']),
    remorse_type: choices(['Doubts about their own ability', "Fear of others' judgement", 'Doubts about the product or service', 'Fear of being cheated'], ['capability', 'others_judgement', 'product_doubt', 'being_cheated']),
  },
};

function renderCard(locale?: string) {
  const renderer = createRenderer('crm.record.tab');
  if (locale) renderer.mocks.context.user.locale = locale;
  renderer.render(<DealOnboardingCard context={renderer.mocks.context} />);
  return renderer;
}

describe('the PM records on the deal card', () => {
  it('records the accomplish ending the PM picks, and shows it once stored', async () => {
    const stored: PmRecordsView = { ...empty, records: [{ kind: 'accomplish_outcome', value: 'failed', label: 'Goal not achieved', note: '', by: 'pm@studio.example', at: '2026-12-05T10:00:00.000Z' }] };
    const backend = fakeBackend(
      on('GET', '/api/cards/deals/123/records', ok(empty)),
      on('POST', '/api/cards/deals/123/records', ok(stored)),
      on('GET', '/api/cards/deals/123', ok(dealView())),
    );
    const { findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Text, 'outcome-record').text).toBe('Not recorded: no email speaks of a result until you record it.'));
    fire(findByTestId(Select, 'outcome-select'), 'onChange', 'failed');
    await waitFor(() => expect(findByTestId(Select, 'outcome-select').props.value).toBe('failed'));
    findByTestId(Button, 'record-outcome').trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'outcome-record').text).toBe('Goal not achieved (pm@studio.example, 2026-12-05)'));
    expect(backend.posts()).toEqual([
      { method: 'POST', path: '/api/cards/deals/123/records?locale=en', body: { requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,}$/), kind: 'accomplish_outcome', value: 'failed', note: '' } },
    ]);
  });

  it('marks the kickoff held, and confirms the doubt sales recorded (preselected) in Italian', async () => {
    const backend = fakeBackend(
      on('GET', '/api/cards/deals/123/records', ok(empty)),
      on('POST', '/api/cards/deals/123/records', ok(empty)),
      on('GET', '/api/cards/deals/123', ok(dealView('it'))),
    );
    const { findByTestId, waitFor } = renderCard('it-it');
    await waitFor(() => expect(findByTestId(Select, 'remorse-select').props.value).toBe('product_doubt'));
    findByTestId(Button, 'mark-kickoff-held').trigger('onClick');
    await waitFor(() => expect(backend.posts()).toHaveLength(1));
    findByTestId(Button, 'confirm-remorse').trigger('onClick');
    await waitFor(() => expect(backend.posts()).toHaveLength(2));
    expect(backend.posts().map((p) => [p.body!.kind, p.body!.value])).toEqual([
      ['kickoff_held', 'held'],
      ['remorse_type', 'product_doubt'],
    ]);
    expect(findByTestId(Button, 'record-outcome').text).toBe('Registra l’esito');
  });
});

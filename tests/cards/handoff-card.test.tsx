import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, Button, ErrorState, Flex, LoadingSpinner, ProgressBar, Select, StatusTag, Text, TextArea } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { HandoffCard } from '../../extensions/app/cards/HandoffCard';
import { fail, fakeBackend, ok, on } from './fake-backend';
import { fire, textOf } from './render-helpers';
import { handoffView, withItem } from './views';

afterEach(() => vi.restoreAllMocks());

const PATH = '/api/cards/deals/123/handoff';

function renderCard(locale?: string) {
  const renderer = createRenderer('crm.record.tab');
  if (locale) renderer.mocks.context.user.locale = locale;
  renderer.render(<HandoffCard context={renderer.mocks.context} />);
  return renderer;
}

describe('handoff checklist card', () => {
  it('shows a spinner while loading', () => {
    fakeBackend(on('GET', PATH, 'never'));
    expect(renderCard().find(LoadingSpinner)).toBeTruthy();
  });

  it('shows an empty checklist for sales to fill, with what it is for', async () => {
    fakeBackend(on('GET', PATH, ok(handoffView('not_started', 'incomplete'))));
    const { findByTestId, maybeFindByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Text, 'not-started').text).toContain('so the PM never asks again'));
    expect(findByTestId(ProgressBar, 'completeness').props.value).toBe(0);
    expect(findByTestId(TextArea, 'field-goals').props.value).toBe('');
    expect(findByTestId(Select, 'field-remorse_type').props.options).toHaveLength(4);
    expect(maybeFindByTestId(Button, 'accept-goals')).toBeNull();
  });

  it('sales fills and submits; the card then says the PM reviews it', async () => {
    const submitted = handoffView('submitted', 'filled', { viewerSubmitted: true });
    const backend = fakeBackend(on('GET', PATH, ok(handoffView('draft', 'incomplete'))), on('POST', PATH, ok(submitted)));
    const { findByTestId, maybeFindByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(TextArea, 'field-goals')).toBeTruthy());
    fire(findByTestId(TextArea, 'field-goals'), 'onChange', 'Close the books in 3 days');
    fire(findByTestId(Select, 'field-remorse_type'), 'onChange', 'capability');
    await waitFor(() => expect(findByTestId(TextArea, 'field-goals').props.value).toBe('Close the books in 3 days'));
    findByTestId(Button, 'submit').trigger('onClick');

    await waitFor(() => expect(findByTestId(Text, 'you-submitted').text).toBe('You submitted this handoff: the PM reviews it.'));
    const body = backend.posts()[0]!.body!;
    expect(body).toMatchObject({ action: 'submit', requestId: expect.any(String) });
    expect(body.values.goals).toEqual({ goals: 'Close the books in 3 days' });
    expect(body.values.fears).toEqual({ remorse_type: 'capability', fears_notes: '' });
    expect(findByTestId(StatusTag, 'handoff-status').text).toBe('Submitted, waiting for the PM');
    expect(maybeFindByTestId(Button, 'accept-goals')).toBeNull();
    expect(maybeFindByTestId(Button, 'submit')).toBeNull();
  });

  it('the PM accepts an item, then all the others: complete', async () => {
    const submitted = handoffView('submitted', 'filled');
    const oneAccepted = withItem({ ...submitted, completeness: 13 }, 'goals', { status: 'accepted' });
    const backend = fakeBackend(
      on('GET', PATH, ok(submitted)),
      on('POST', PATH, (call) => ok(call.body!.items.length === 1 ? oneAccepted : handoffView('accepted', 'accepted'))),
    );
    const { findByTestId, maybeFindByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Button, 'accept-goals')).toBeTruthy());
    expect(maybeFindByTestId(TextArea, 'field-goals')).toBeNull(); // the PM reads; sales edits
    findByTestId(Button, 'accept-goals').trigger('onClick');
    await waitFor(() => expect(findByTestId(StatusTag, 'status-goals').text).toBe('Accepted'));
    expect(findByTestId(ProgressBar, 'completeness').props.value).toBe(13);

    findByTestId(Button, 'accept-all').trigger('onClick');
    await waitFor(() => expect(findByTestId(StatusTag, 'handoff-status').text).toBe('Accepted'));
    expect(findByTestId(ProgressBar, 'completeness').props.value).toBe(100);
    expect(backend.posts().map((p) => p.body!.items)).toEqual([['goals'], ['success_criteria', 'stakeholders', 'promises', 'fears', 'channel', 'risks', 'kickoff_date']]);
  });

  it('the PM asks back; sales sees the question, answers and resubmits', async () => {
    const submitted = handoffView('submitted', 'filled');
    const question = { kind: 'question' as const, by: 'pm@acme.example', at: '2026-12-05T10:00:00.000Z', text: 'On site or remote?' };
    const asked = withItem({ ...submitted, status: 'changes_requested', statusLabel: 'Questions from the PM' }, 'promises', { status: 'question', thread: [question] });
    const pm = fakeBackend(on('GET', PATH, ok(submitted)), on('POST', PATH, ok(asked)));
    const first = renderCard();
    await first.waitFor(() => expect(first.findByTestId(TextArea, 'question-promises')).toBeTruthy());
    fire(first.findByTestId(TextArea, 'question-promises'), 'onChange', 'On site or remote?');
    await first.waitFor(() => expect(first.findByTestId(Button, 'ask-promises').props.disabled).toBe(false));
    first.findByTestId(Button, 'ask-promises').trigger('onClick');
    await first.waitFor(() => expect(first.findByTestId(StatusTag, 'status-promises').text).toBe('Question for sales'));
    expect(pm.posts()[0]!.body).toMatchObject({ action: 'ask', item: 'promises', text: 'On site or remote?' });
    vi.restoreAllMocks();

    // Sales opens the card: the question is there, with a place to answer it.
    const sales = fakeBackend(on('GET', PATH, ok({ ...asked, viewerSubmitted: true })), on('POST', PATH, ok(handoffView('submitted', 'filled', { viewerSubmitted: true }))));
    const second = renderCard();
    await second.waitFor(() => expect(second.findByTestId(TextArea, 'answer-promises')).toBeTruthy());
    expect(textOf(second.findByTestId(StatusTag, 'status-promises'))).toBe('Question for sales');
    expect(textOf(second.getRootNode())).toContain('pm@acme.example ? On site or remote?');
    fire(second.findByTestId(TextArea, 'answer-promises'), 'onChange', 'Remote, two hours each');
    await second.waitFor(() => expect(second.findByTestId(TextArea, 'answer-promises').props.value).toBe('Remote, two hours each'));
    second.findByTestId(Button, 'submit').trigger('onClick');
    await second.waitFor(() => expect(second.findByTestId(StatusTag, 'handoff-status').text).toBe('Submitted, waiting for the PM'));
    expect(sales.posts()[0]!.body).toMatchObject({ action: 'submit', answers: { promises: 'Remote, two hours each' } });
  });

  it('names the items a refused submit is missing', async () => {
    fakeBackend(on('GET', PATH, ok(handoffView('draft', 'incomplete'))), on('POST', PATH, fail(422, 'HANDOFF_INCOMPLETE', ['goals', 'kickoff_date'])));
    const { findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Button, 'submit')).toBeTruthy());
    findByTestId(Button, 'submit').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Alert, 'write-error').text).toBe('Fill every required item before submitting: Goals and desired outcome, Target kickoff date'),
    );
  });

  it('tells an Italian PM who asked what, in Italian', async () => {
    const history = [{ at: '2026-12-07T09:00:00.000Z', by: 'marta@acme.example', action: 'ask' as const, items: ['Obiettivi e risultato atteso'], text: 'Entro quando?' }];
    fakeBackend(on('GET', PATH, ok(handoffView('changes_requested', 'filled', { history }))));
    const { findByTestId, waitFor } = renderCard('it');
    await waitFor(() => expect(textOf(findByTestId(Flex, 'history'))).toContain('marta@acme.example ha fatto una domanda su Obiettivi e risultato atteso: Entro quando?'));
  });

  it('shows an error that says what to do when the server cannot be reached', async () => {
    fakeBackend(on('GET', PATH, fail(502, 'HUBSPOT_UNAVAILABLE')));
    const { find, waitFor } = renderCard('it');
    await waitFor(() => expect(textOf(find(ErrorState))).toContain('Riprova tra un minuto'));
  });
});

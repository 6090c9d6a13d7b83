import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, Button, Heading, Select, StatusTag, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealOnboardingCard } from '../../extensions/app/cards/DealOnboardingCard';
import type { TouchpointView } from '../../src/server/card-api-types';
import { scaledScore, scaleRange } from '../../src/domain/feedback-scales';
import { scaleEnds } from '../../src/domain/survey-questions';
import { teamQuestion } from '../../src/domain/touchpoint-words';
import type { Locale } from '../../src/domain/phases';
import { fail, fakeBackend, ok, on } from './fake-backend';
import { fire, textOf } from './render-helpers';
import { dealView } from './views';

afterEach(() => vi.restoreAllMocks());

/** A touchpoint as the server shows it, its words from the domain. */
function touchpoint(survey: 'CSAT' | 'CES', name: string, locale: Locale, client: number | null, team: number | null, gap: TouchpointView['gap'] = null): TouchpointView {
  const side = (score: number | null) => (score === null ? null : { score, label: scaledScore(survey, score, locale), count: 1 });
  return {
    touchpoint: name,
    survey,
    scale: scaleRange(survey, locale),
    min: 1,
    max: survey === 'CES' ? 7 : 5,
    ends: scaleEnds(survey, locale),
    question: teamQuestion(survey, name, locale),
    client: side(client),
    team: side(team),
    gap,
  };
}

function renderCard(locale?: string) {
  const renderer = createRenderer('crm.record.tab');
  if (locale) renderer.mocks.context.user.locale = locale;
  renderer.render(<DealOnboardingCard context={renderer.mocks.context} />);
  return renderer;
}

describe('the deal card\'s team-vs-client view', () => {
  it('shows every score with its scale, effort with what a good value is, and flags a large gap', async () => {
    const view = dealView('en', {
      lastFeedback: { survey: 'CES', score: 6, label: scaledScore('CES', 6, 'en'), at: '2026-12-08T10:00:00.000Z' },
      lastScores: [
        { survey: 'NPS', score: 9, label: scaledScore('NPS', 9, 'en'), at: '2026-12-01T10:00:00.000Z' },
        { survey: 'CES', score: 6, label: scaledScore('CES', 6, 'en'), at: '2026-12-08T10:00:00.000Z' },
      ],
      touchpoints: [
        touchpoint('CSAT', 'Kickoff meeting', 'en', 4, null),
        touchpoint('CES', 'Data migration', 'en', 6, 2, { points: 4, flagged: true, text: 'The team rates it 4 points better than the client' }),
      ],
    });
    fakeBackend(on('GET', '/api/cards/deals/123', ok(view)));
    const { findByTestId, findAll, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Table, 'touchpoint-views')).toBeTruthy());
    expect(findByTestId(Text, 'latest-per-scale').text).toBe('Latest answer per scale: NPS 9/10 · CES 6/7 (1 = least effort)');
    const rows = findByTestId(Table, 'touchpoint-views').findAll(TableRow).slice(1).map(textOf);
    expect(rows[0]).toMatch(/Kickoff meeting \(CSAT 1–5\).*CSAT 4\/5 · 1 answer.*Not rated yet/);
    expect(rows[1]).toMatch(/Data migration \(CES 1–7 \(1 = least effort\)\).*CES 6\/7 \(1 = least effort\).*CES 2\/7/);
    expect(findAll(StatusTag).filter((t) => t.props.testId === 'gap-flag').map((t) => t.text)).toEqual(['Gap of 2 points or more']); // the CES row only
    expect(rows[1]!).toContain('The team rates it 4 points better than the client');
  });

  it('posts the team\'s rating for the chosen touchpoint on its own scale, then shows the server\'s answer', async () => {
    const first = dealView('en', { touchpoints: [touchpoint('CSAT', 'Kickoff meeting', 'en', 2, null), touchpoint('CES', 'Data migration', 'en', null, null)] });
    const rated = dealView('en', { touchpoints: [first.touchpoints[0]!, touchpoint('CES', 'Data migration', 'en', null, 3)] });
    const backend = fakeBackend(on('GET', '/api/cards/deals/123', ok(first)), on('POST', '/api/cards/deals/123/touchpoint-ratings', ok(rated)));
    const { findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findByTestId(Select, 'rating-touchpoint')).toBeTruthy());
    expect(findByTestId(Button, 'rating-save').props.disabled).toBe(true); // no score chosen yet
    fire(findByTestId(Select, 'rating-touchpoint'), 'onChange', 1);
    await waitFor(() => expect(findByTestId(Select, 'rating-score').props.options).toHaveLength(7));
    expect(findByTestId(Select, 'rating-score').props.options[0]!.label).toBe('1 – Very little effort');
    expect(findByTestId(Text, 'rating-question').text).toContain('how much effort did “Data migration” take');
    fire(findByTestId(Select, 'rating-score'), 'onChange', 3);
    await waitFor(() => expect(findByTestId(Button, 'rating-save').props.disabled).toBe(false));
    findByTestId(Button, 'rating-save').trigger('onClick');
    await waitFor(() => expect(textOf(findByTestId(Table, 'touchpoint-views'))).toContain('CES 3/7 (1 = least effort) · 1 team member'));
    expect(backend.posts()).toEqual([
      { method: 'POST', path: '/api/cards/deals/123/touchpoint-ratings?locale=en', body: { requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,}$/), survey: 'CES', touchpoint: 'Data migration', score: 3 } },
    ]);
  });

  it('speaks Italian, and says what to do when the server refuses the rating', async () => {
    const view = dealView('it', { touchpoints: [touchpoint('CSAT', 'Riunione di avvio', 'it', 2, 5, { points: 3, flagged: true, text: 'Il team lo valuta meglio del cliente di 3 punti' })] });
    fakeBackend(on('GET', '/api/cards/deals/123', ok(view)), on('POST', '/api/cards/deals/123/touchpoint-ratings', fail(400, 'UNKNOWN_TOUCHPOINT')));
    const { findAll, findByTestId, waitFor } = renderCard('it-it');
    await waitFor(() => expect(findByTestId(Table, 'touchpoint-views')).toBeTruthy());
    expect(findAll(Heading).map((h) => h.text)).toEqual(expect.arrayContaining(['Valutazione del team e del cliente', 'Aggiungi la valutazione del team']));
    expect(findByTestId(StatusTag, 'gap-flag').text).toBe('Scarto di 2 punti o più');
    expect(textOf(findByTestId(Table, 'touchpoint-views'))).toContain('Il team lo valuta meglio del cliente di 3 punti');
    expect(findByTestId(Text, 'rating-question').text).toBe('Secondo il team: quanto è soddisfatto il cliente di “Riunione di avvio”?');
    fire(findByTestId(Select, 'rating-score'), 'onChange', 4);
    await waitFor(() => expect(findByTestId(Button, 'rating-save').props.disabled).toBe(false));
    findByTestId(Button, 'rating-save').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'write-error').text).toBe('Il playbook non prevede più un sondaggio su questo punto di contatto. Ricarica la scheda.'));
  });

  it('is not shown on a deal that is not in onboarding', async () => {
    fakeBackend(on('GET', '/api/cards/deals/123', ok(dealView('en', { onboarding: null, nextSteps: [], health: null, lastFeedback: null, touchpoints: [touchpoint('CSAT', 'Kickoff meeting', 'en', null, null)] }))));
    const { findAll, waitFor } = renderCard();
    await waitFor(() => expect(findAll(Heading).map((h) => h.text)).toContain('Start onboarding'));
    expect(findAll(Table).filter((t) => t.props.testId === 'touchpoint-views')).toEqual([]);
  });
});

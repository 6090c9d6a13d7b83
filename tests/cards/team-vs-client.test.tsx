import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button, Select, StatisticsItem, StatusTag, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CompanyOnboardingCard } from '../../extensions/app/cards/CompanyOnboardingCard';
import { DealOnboardingCard } from '../../extensions/app/cards/DealOnboardingCard';
import { cardCall } from '../support/card-requests.js';
import { fakeHubSpot } from '../support/fake-hubspot.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';
// The run's template database, as the server tests' own compilation declares it (this file is checked with the cards).
import type {} from '../support/global-template.js';
import { onboardDeal, postAnswer, surveyToken } from '../support/survey.js';
import { fire, textOf } from './render-helpers';
import { serverBackend } from './server-backend';

const at = Date.parse('2026-12-07T09:00:00Z'); // Monday 10:00 in Rome
const PM = { userId: '2002', userEmail: 'pm@acme.example' };
const onCleanUp = isolateNetwork();
afterEach(() => vi.restoreAllMocks());

async function setUp() {
  const hubspot = fakeHubSpot({
    deals: { '42': { properties: { dealname: 'Acme rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null }, companyId: '7', contactIds: ['9'] } },
    companies: { '7': 'Acme' },
  });
  const clock = { now: at };
  const server = await startServer({ clock: () => clock.now });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  await onboardDeal(server, at, '42', 'activate');
  return { server, clock };
}

function render(card: 'deal' | 'company', objectId: number, locale = 'en') {
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectId = objectId;
  renderer.mocks.context.user.locale = locale;
  renderer.render(card === 'deal' ? <DealOnboardingCard context={renderer.mocks.context} /> : <CompanyOnboardingCard context={renderer.mocks.context} />);
  return renderer;
}

describe('team view beside the client view, end to end', () => {
  it('a PM rating and a client answer on one touchpoint show the gap on the deal card and on the company card', async () => {
    const { server, clock } = await setUp();
    // The client answers the kickoff survey: CSAT 2 of 5.
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', touchpoint: 'Kickoff meeting', phase: 'activate', now: clock.now });
    expect((await postAnswer(server.url, token, { score: '2' })).status).toBe(200);
    await server.worker.drain();

    // The PM rates the same touchpoint from the deal card: the card signs through hubspot.fetch, the server stores it.
    serverBackend(server.url, () => clock.now, PM);
    const deal = render('deal', 42);
    await deal.waitFor(() => expect(deal.findByTestId(Table, 'touchpoint-views')).toBeTruthy());
    expect(deal.findByTestId(StatisticsItem, 'last-feedback').props.number).toBe('CSAT 2/5');
    const before = deal.findByTestId(Table, 'touchpoint-views').findAll(TableRow).slice(1).map(textOf);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/Kickoff meeting \(CSAT 1–5\).*CSAT 2\/5 · 1 answer.*Not rated yet/);
    expect(deal.findByTestId(Select, 'rating-touchpoint').props.options.map((o: { label: string }) => o.label)).toEqual(['Kickoff meeting (CSAT 1–5)']);
    expect(deal.findByTestId(Text, 'rating-question').text).toBe('From where the team stands: how satisfied is the client with “Kickoff meeting”?');
    expect(deal.findByTestId(Select, 'rating-score').props.options.map((o: { label: string }) => o.label)).toEqual(['1 – Very dissatisfied', '2', '3', '4', '5 – Very satisfied']);
    fire(deal.findByTestId(Select, 'rating-score'), 'onChange', 5);
    await deal.waitFor(() => expect(deal.findByTestId(Button, 'rating-save').props.disabled).toBe(false));
    deal.findByTestId(Button, 'rating-save').trigger('onClick');
    await deal.waitFor(() => expect(deal.findByTestId(StatusTag, 'gap-flag')).toBeTruthy());
    expect(deal.findByTestId(StatusTag, 'gap-flag').text).toBe('Gap of 2 points or more');
    const after = textOf(deal.findByTestId(Table, 'touchpoint-views').findAll(TableRow)[1]!);
    expect(after).toMatch(/CSAT 2\/5 · 1 answer.*CSAT 5\/5 · 1 team member.*Gap of 2 points or more.*The team rates it 3 points better than the client/);

    const stored = await server.db.query('SELECT deal_id, survey, touchpoint, rater_user_id, rater_label, score FROM team_ratings');
    expect(stored).toEqual([{ deal_id: '42', survey: 'CSAT', touchpoint: 'Kickoff meeting', rater_user_id: '2002', rater_label: 'pm@acme.example', score: 5 }]);

    // The company card, in Italian, shows the same gap for its deal.
    const company = render('company', 7, 'it-it');
    await company.waitFor(() => expect(company.findByTestId(Table, 'company-touchpoint-views')).toBeTruthy());
    const row = textOf(company.findByTestId(Table, 'company-touchpoint-views').findAll(TableRow)[1]!);
    expect(row).toMatch(/Acme rollout.*Kickoff meeting \(CSAT 1–5\).*CSAT 2\/5 · 1 risposta.*CSAT 5\/5 · 1 persona del team.*Il team lo valuta meglio del cliente di 3 punti/);
    expect(company.findByTestId(StatusTag, 'gap-flag').text).toBe('Scarto di 2 punti o più');
    expect(textOf(company.findByTestId(Table, 'feedback'))).toContain('CSAT 2/5');
  });

  it('a gap under 2 points is shown and not flagged; a second rater is averaged in, and rating again replaces one\'s own', async () => {
    const { server, clock } = await setUp();
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', touchpoint: 'Kickoff meeting', phase: 'activate', now: clock.now });
    await postAnswer(server.url, token, { score: '3' });
    const rate = (user: typeof PM, score: number, requestId: string) =>
      cardCall(server.url, 'POST', '/api/cards/deals/42/touchpoint-ratings?locale=en', clock.now, { ...user, body: { requestId, survey: 'CSAT', touchpoint: 'Kickoff meeting', score } });
    expect((await rate(PM, 5, 'rating-pm-1')).status).toBe(200);
    const consultant = { userId: '2003', userEmail: 'consultant@acme.example' };
    const answer = await (await rate(consultant, 4, 'rating-consultant-1')).json();
    expect(answer.touchpoints[0]).toMatchObject({ team: { score: 4.5, label: 'CSAT 4.5/5', count: 2 }, client: { score: 3, count: 1 }, gap: { points: 1.5, flagged: false } });
    const again = await (await rate(PM, 4, 'rating-pm-2')).json();
    expect(again.touchpoints[0]).toMatchObject({ team: { score: 4, count: 2 }, gap: { points: 1, flagged: false, text: 'The team rates it 1 point better than the client' } });
    const company = await (await cardCall(server.url, 'GET', '/api/cards/companies/7?locale=en', clock.now)).json();
    expect(company.touchpoints).toEqual([expect.objectContaining({ dealId: '42', dealName: 'Acme rollout', touchpoint: 'Kickoff meeting', gap: expect.objectContaining({ flagged: false }) })]);
  });
});

import React from 'react';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarChart, Table } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { AnalyticsPage } from '../../extensions/app/pages/AnalyticsPage';
import { PortfolioPage } from '../../extensions/app/pages/PortfolioPage';
import { WORDS } from '../../extensions/app/pages/lib/words';
import { SettingsPage } from '../../extensions/app/settings/Settings';
import { fakeBackend, ok, on } from '../cards/fake-backend';
import { analyticsView, failingSettingsView, portfolioView } from './page-views';
import { barChartPicture, lineChartPicture, tablePicture } from './page-pictures';

afterEach(() => vi.restoreAllMocks());

/** The picture README.md shows between `<!-- picture:name -->` and `<!-- /picture:name -->`, inside a text fence. */
function readmePicture(name: string): string | undefined {
  const readme = readFileSync('README.md', 'utf8');
  const match = readme.match(new RegExp(`<!-- picture:${name} -->\\n\`\`\`text\\n([\\s\\S]*?)\\n\`\`\`\\n<!-- /picture:${name} -->`));
  return match?.[1];
}

describe('README pictures are what the pages render from the test fixtures', () => {
  it('portfolio', async () => {
    fakeBackend(on('GET', '/api/pages/portfolio', ok(portfolioView())));
    const r = createRenderer('pages');
    r.render(<PortfolioPage t={WORDS.en} locale="en" portalId={4242} />);
    await r.waitFor(() => expect(r.findByTestId(BarChart, 'phase-chart')).toBeTruthy());
    const picture = `${barChartPicture(r, 'phase-chart')}\n\n${tablePicture(r, 'portfolio')}`;
    expect(readmePicture('portfolio'), picture).toBe(picture);
  });

  it('analytics', async () => {
    fakeBackend(on('GET', '/api/pages/analytics', ok(analyticsView())));
    const r = createRenderer('pages');
    r.render(<AnalyticsPage t={WORDS.en} locale="en" />);
    await r.waitFor(() => expect(r.findByTestId(Table, 'phase-durations')).toBeTruthy());
    const picture = [tablePicture(r, 'phase-durations'), tablePicture(r, 'on-time-pm'), lineChartPicture(r, 'feedback-chart'), tablePicture(r, 'response-rates')].join('\n\n');
    expect(readmePicture('analytics'), picture).toBe(picture);
  });

  it('settings (failing checks)', async () => {
    fakeBackend(on('GET', '/api/pages/settings', ok(failingSettingsView())));
    const r = createRenderer('settings');
    r.render(<SettingsPage />);
    await r.waitFor(() => expect(r.findByTestId(Table, 'checks')).toBeTruthy());
    const picture = `${tablePicture(r, 'checks')}\n\n${tablePicture(r, 'stage-mapping')}`;
    expect(readmePicture('settings'), picture).toBe(picture);
  });
});

import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, Button, ErrorState, StatusTag, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { SettingsPage } from '../../extensions/app/settings/Settings';
import { fail, fakeBackend, ok, on } from '../cards/fake-backend';
import { textOf } from '../cards/render-helpers';
import { failingSettingsView, settingsView } from './page-views';

afterEach(() => vi.restoreAllMocks());

function renderPage() {
  const renderer = createRenderer('settings');
  renderer.render(<SettingsPage />);
  return renderer;
}

describe('settings page', () => {
  it('shows every check passing, the playbook, its stage mapping and the email sender', async () => {
    fakeBackend(on('GET', '/api/pages/settings', ok(settingsView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'summary')).toBeTruthy());
    expect(r.findByTestId(Alert, 'summary').props).toMatchObject({ title: 'first100 and HubSpot fit together', variant: 'success' });
    expect(r.findByTestId(Table, 'checks').findAll(StatusTag).map((t) => t.text)).toEqual(['OK', 'OK', 'OK']);
    expect(r.findByTestId(Table, 'stage-mapping').findAll(TableRow).slice(1).map(textOf)).toEqual([
      'Sales Pipeline Contract Sent open assess',
      'Sales Pipeline Closed Won won admit',
      'Sales Pipeline Closed Lost lost lost',
    ]);
    expect(textOf(r.getRootNode())).toContain('Acme Onboarding <onboarding@acme.example>');
    expect(r.findByTestId(Text, 'no-examples')).toBeTruthy();
  });

  it('shows the failing checks with what to fix, the unmapped won and lost stages, and the examples left in the playbook', async () => {
    fakeBackend(on('GET', '/api/pages/settings', ok(failingSettingsView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'summary').props).toMatchObject({ title: '2 thing(s) to fix', variant: 'danger' }));
    const checks = r.findByTestId(Table, 'checks').findAll(TableRow).slice(1).map(textOf);
    expect(checks[1]).toBe('deals properties Fix 1 missing (first100_health): run "first100 setup"');
    expect(r.findByTestId(Table, 'stage-mapping').findAll(StatusTag).map((t) => t.text)).toEqual(['not mapped: a won stage', 'not mapped: a lost stage']);
    expect(textOf(r.findByTestId(Alert, 'examples'))).toContain('caseHistories.capability: Example – a 20-person manufacturer with no IT team');
  });

  it('runs the checks again on request', async () => {
    const backend = fakeBackend(on('GET', '/api/pages/settings', ok(settingsView())));
    const r = renderPage();
    await r.waitFor(() => expect(r.findByTestId(Button, 'recheck')).toBeTruthy());
    r.findByTestId(Button, 'recheck').trigger('onClick');
    await r.waitFor(() => expect(backend.calls).toHaveLength(2));
  });

  it("says what the server answered when it cannot run the checks", async () => {
    fakeBackend(on('GET', '/api/pages/settings', fail(503, 'SETTINGS_UNAVAILABLE')));
    const r = renderPage();
    await r.waitFor(() => expect(r.find(ErrorState).props.title).toBe('first100 could not run its checks'));
    expect(textOf(r.find(ErrorState))).toContain('SETTINGS_UNAVAILABLE');
  });
});

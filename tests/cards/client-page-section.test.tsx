import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button, Checkbox, Input, StatusTag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { ClientPageSection } from '../../extensions/app/cards/deal/ClientPageSection';
import { TEXT } from '../../extensions/app/cards/lib/i18n';
import { fakeBackend, ok, on } from './fake-backend';
import { fire } from './render-helpers';

afterEach(() => vi.restoreAllMocks());

const view = (over: Record<string, unknown> = {}) => ({
  lastSeenAt: null,
  activeLinks: 1,
  items: [
    { key: 'goals', label: 'Your goals', shared: true },
    { key: 'success_criteria', label: 'How we will know it worked', shared: false },
    { key: 'promises', label: 'What we promised', shared: false },
  ],
  tasks: [
    { id: 'day-to-day-contact', title: 'Name your day-to-day contact person', dueAt: 1, status: 'done', comment: null },
    { id: 'confirm-success-criteria', title: 'Confirm the goals', dueAt: 2, status: 'stuck', comment: 'Board meets on the 15th' },
  ],
  ...over,
});

function render(locale: 'en' | 'it' = 'en') {
  const renderer = createRenderer('crm.record.tab');
  renderer.render(<ClientPageSection dealId="123" locale={locale} t={TEXT[locale]} />);
  return renderer;
}

describe('the client page section of the deal card', () => {
  it('says when the client last used the page, and copies a fresh link to show once', async () => {
    const url = 'https://first100.example.com/c/abc';
    const backend = fakeBackend(
      on('GET', '/api/cards/client-pages/123', ok(view())),
      on('POST', '/api/cards/client-pages/123', ok(view({ activeLinks: 2, link: { url, expiresAt: 1 } }))),
    );
    const { findByTestId, waitFor, maybeFind } = render();
    await waitFor(() => expect(findByTestId(Text, 'client-last-seen').text).toBe('The client has not used their page yet.'));
    expect(maybeFind(Input)).toBeNull();
    expect(findByTestId(StatusTag, 'client-task-day-to-day-contact').props.variant).toBe('success');
    expect(findByTestId(StatusTag, 'client-task-confirm-success-criteria').text).toBe('Stuck: asked for help');
    fire(findByTestId(Button, 'client-link-copy'), 'onClick');
    await waitFor(() => expect(findByTestId(Input, 'client-link').props.value).toBe(url));
    expect(backend.posts()[0]!.body).toMatchObject({ action: 'copy' });
  });

  it('revokes every link, and saves which agreed items the client sees', async () => {
    const backend = fakeBackend(
      on('GET', '/api/cards/client-pages/123', ok(view())),
      on('POST', '/api/cards/client-pages/123', (call) => ok(view(call.body?.action === 'revoke' ? { activeLinks: 0 } : {}))),
    );
    const { findByTestId, findAll, waitFor } = render();
    await waitFor(() => expect(findAll(Checkbox)).toHaveLength(3));
    fire(findByTestId(Button, 'client-link-revoke'), 'onClick');
    await waitFor(() => expect(findByTestId(Button, 'client-link-revoke').props.disabled).toBe(true));
    fire(findAll(Checkbox)[2]!, 'onChange', true);
    fire(findByTestId(Button, 'client-share-save'), 'onClick');
    await waitFor(() => expect(backend.posts()).toHaveLength(2));
    expect(backend.posts().map((p) => p.body)).toMatchObject([{ action: 'revoke' }, { action: 'share', items: ['goals', 'promises'] }]);
  });
});

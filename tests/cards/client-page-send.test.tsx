import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Alert, Button } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { ClientPageSection } from '../../extensions/app/cards/deal/ClientPageSection';
import { TEXT } from '../../extensions/app/cards/lib/i18n';
import { fakeBackend, ok, on } from './fake-backend';
import { fire } from './render-helpers';

afterEach(() => vi.restoreAllMocks());

const view = (over: Record<string, unknown> = {}) => ({ lastSeenAt: null, activeLinks: 1, items: [], tasks: [], ...over });

function render(locale: 'en' | 'it' = 'en') {
  const renderer = createRenderer('crm.record.tab');
  renderer.render(<ClientPageSection dealId="123" locale={locale} t={TEXT[locale]} />);
  return renderer;
}

describe('"send the client their page" on the deal card', () => {
  it('sends one request per press and says to whom the page goes', async () => {
    const backend = fakeBackend(
      on('GET', '/api/cards/client-pages/123', ok(view())),
      on('POST', '/api/cards/client-pages/123', ok(view({ sent: { kind: 'planned', to: { name: 'Anna Verdi', email: 'anna@acme.example' } } }))),
    );
    const { findByTestId, waitFor, maybeFind } = render();
    await waitFor(() => expect(findByTestId(Button, 'client-page-send').text).toBe('Send the client their page'));
    expect(maybeFind(Alert)).toBeNull();
    fire(findByTestId(Button, 'client-page-send'), 'onClick');
    await waitFor(() => expect(findByTestId(Alert, 'client-page-sent').text).toBe('Sent to Anna Verdi <anna@acme.example>, with their own link to the page.'));
    expect(findByTestId(Alert, 'client-page-sent').props.variant).toBe('success');
    expect(backend.posts()).toHaveLength(1);
    expect(backend.posts()[0]!.body).toMatchObject({ action: 'send', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,100}$/) });
  });

  it('says why nothing was sent, and what to do instead, in Italian too', async () => {
    fakeBackend(
      on('GET', '/api/cards/client-pages/123', ok(view())),
      on('POST', '/api/cards/client-pages/123', ok(view({ sent: { kind: 'not-sent', reason: 'unsubscribed' } }))),
    );
    const { findByTestId, waitFor } = render('it');
    await waitFor(() => expect(findByTestId(Button, 'client-page-send').text).toBe('Invia al cliente la sua pagina'));
    fire(findByTestId(Button, 'client-page-send'), 'onClick');
    await waitFor(() => expect(findByTestId(Alert, 'client-page-sent').props.variant).toBe('warning'));
    expect(findByTestId(Alert, 'client-page-sent').props.title).toBe('Non inviata');
    expect(findByTestId(Alert, 'client-page-sent').text).toContain('ha annullato l’iscrizione alle nostre email');
  });

  it('tells a second press within moments that no second email goes', async () => {
    fakeBackend(
      on('GET', '/api/cards/client-pages/123', ok(view())),
      on('POST', '/api/cards/client-pages/123', ok(view({ sent: { kind: 'already-planned', to: { name: null, email: 'anna@acme.example' } } }))),
    );
    const { findByTestId, waitFor } = render();
    await waitFor(() => expect(findByTestId(Button, 'client-page-send')).toBeTruthy());
    fire(findByTestId(Button, 'client-page-send'), 'onClick');
    await waitFor(() => expect(findByTestId(Alert, 'client-page-sent').text).toBe('Already sent to anna@acme.example a moment ago: no second email.'));
  });
});

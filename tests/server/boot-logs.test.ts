import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { bootSummary } from '../../src/cli/boot-summary.js';
import { loadConfig } from '../../src/config.js';
import { formatLogLine, prettyDestination } from '../../src/logger.js';

describe('the line at boot', () => {
  it('says the mode, the URLs HubSpot must call and the email transport, never a secret', () => {
    const config = loadConfig({
      HUBSPOT_ACCESS_TOKEN: 'pat-na1-secret-token',
      HUBSPOT_CLIENT_SECRET: 'client-secret-value',
      HUBSPOT_PORTAL_ID: '4242',
      PUBLIC_BASE_URL: 'https://onboarding.acme.example',
      SMTP_URL: 'smtps://mailer:smtp-password@smtp.acme.example:465',
      EMAIL_FROM: 'onboarding@acme.example',
    });
    const line = bootSummary(config, { version: '0.1.0', dryRun: false, database: 'postgres', localUrl: 'http://127.0.0.1:3000' });
    expect(line).toBe(
      'first100 0.1.0: live on HubSpot account 4242; PostgreSQL; emails: SMTP via smtp.acme.example:465; ' +
        'HubSpot must reach https://onboarding.acme.example/webhooks/hubspot, https://onboarding.acme.example/api/cards/…, https://onboarding.acme.example/api/workflow-actions/…; ' +
        'status at http://127.0.0.1:3000/',
    );
    for (const secret of ['pat-na1-secret-token', 'client-secret-value', 'smtp-password', 'mailer']) expect(line).not.toContain(secret);
  });

  it('in dry-run without a public URL, says HubSpot cannot call it and where emails are kept', () => {
    const line = bootSummary(loadConfig({ DATA_DIR: '/srv/first100' }), { version: '0.1.0', dryRun: true, database: 'pglite', localUrl: 'http://127.0.0.1:3000' });
    expect(line).toContain('dry-run (nothing is written to HubSpot); embedded database in /srv/first100; emails: outbox only (/srv/first100/outbox)');
    expect(line).toContain('no PUBLIC_BASE_URL: HubSpot cannot call this server');
  });
});

describe('logs', () => {
  it('on a terminal: one readable line per event, fields after the message, an error\'s stack below', () => {
    const written: string[] = [];
    const log = pino({ level: 'info', base: { pid: 1, hostname: 'h' } }, prettyDestination((text) => written.push(text)));
    log.info({ dealId: '42', stored: 3 }, 'webhook stored');
    log.error({ err: new Error('HubSpot answered 502') }, 'step failed');
    expect(written[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}webhook stored {2}dealId=42 stored=3\n$/);
    expect(written[1]).toMatch(/^\d\d:\d\d:\d\d ERROR step failed\n {4}Error: HubSpot answered 502\n\s+at /);
  });

  it('a line that is not JSON passes through as it is', () => {
    expect(formatLogLine('plain text')).toBe('plain text');
  });
});

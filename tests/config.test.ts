import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set: dry-run, PGlite in ./.data, port 3000', () => {
    const config = loadConfig({});
    expect(config.hubspot.accessToken).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config).toMatchObject({ port: 3000, dataDir: './.data', playbookPath: 'playbooks/default.en.yml' });
    expect(config.hubspot).toMatchObject({ apiBaseUrl: 'https://api.hubapi.com', callsPer10s: 90 });
  });

  it('names every bad key at once, with what to do', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', HUBSPOT_API_BASE_URL: 'api.hubapi.com', DATABASE_URL: 'mysql://db', HUBSPOT_CALLS_PER_10S: '900', HUBSPOT_PORTAL_ID: 'acme' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const key of ['PORT', 'HUBSPOT_API_BASE_URL', 'DATABASE_URL', 'HUBSPOT_CALLS_PER_10S', 'HUBSPOT_PORTAL_ID']) {
      expect(problems).toContain(`${key}:`);
    }
    expect(problems).toContain('cannot exceed 250');
  });

  it('requires the secret, portal and public URL that a live token needs', () => {
    expect(() => loadConfig({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-x' })).toThrow(/HUBSPOT_CLIENT_SECRET[\s\S]*HUBSPOT_PORTAL_ID/);
    const config = loadConfig({
      EMAIL_TRANSPORT: 'outbox',
      HUBSPOT_ACCESS_TOKEN: 'pat-na1-x',
      HUBSPOT_CLIENT_SECRET: 's',
      HUBSPOT_PORTAL_ID: '123',
      PUBLIC_BASE_URL: 'https://first100.example.com/',
      HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9999',
    });
    expect(config.publicBaseUrl).toBe('https://first100.example.com');
    expect(config.hubspot.apiBaseUrl).toBe('http://127.0.0.1:9999');
  });

  it('trusts no proxy unless told how many there are or where they are', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: TRUST_PROXY is how many proxies/);
  });

  it('emails: the outbox in the data directory by default; SMTP needs a sender; bad email settings are named', () => {
    expect(loadConfig({ DATA_DIR: '/var/first100' }).email).toMatchObject({ smtpUrl: undefined, outboxDir: '/var/first100/outbox', brandName: 'first100', feedbackTokenTtlDays: 60 });
    // The sender without EMAIL_FROM, as the README's configuration table gives it: the brand name at a reserved domain.
    expect(loadConfig({}).email.from).toBe('first100 <first100@localhost.invalid>');
    expect(loadConfig({ EMAIL_BRAND_NAME: 'Acme' }).email.from).toBe('Acme <first100@localhost.invalid>');
    const readmeRow = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8').split('\n').find((l) => l.startsWith('| `EMAIL_FROM` |'))!;
    expect(readmeRow).toContain('`first100 <first100@localhost.invalid>`');
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com:587' })).toThrow(/EMAIL_FROM: required with SMTP_URL/);
    let error: unknown;
    try {
      loadConfig({ SMTP_URL: 'mail.example.com', EMAIL_FROM: 'not an address', EMAIL_BRAND_COLOR: 'blue', FEEDBACK_TOKEN_TTL_DAYS: '0' });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    for (const key of ['SMTP_URL', 'EMAIL_FROM', 'EMAIL_BRAND_COLOR', 'FEEDBACK_TOKEN_TTL_DAYS']) expect(problems).toContain(`${key}:`);
    const smtp = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', EMAIL_FROM: 'Acme <hello@acme.example>', EMAIL_REPLY_TO: 'pm@acme.example', FEEDBACK_TOKEN_TTL_DAYS: '30' });
    expect(smtp.email).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.com:465', from: 'Acme <hello@acme.example>', replyTo: 'pm@acme.example', feedbackTokenTtlDays: 30 });
  });
});

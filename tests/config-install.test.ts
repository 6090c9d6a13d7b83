import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadEnvFile, requirementProblems, SETTING_NAMES } from '../src/config.js';

const LIVE = { HUBSPOT_ACCESS_TOKEN: 'pat-na1-x', HUBSPOT_CLIENT_SECRET: 's', HUBSPOT_PORTAL_ID: '123', PUBLIC_BASE_URL: 'https://first100.example.com' };

function problemsOf(env: Record<string, string>, use?: Parameters<typeof loadConfig>[1]): string[] {
  try {
    loadConfig(env, use);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('email cannot silently vanish', () => {
  it('the server refuses a token without SMTP_URL, unless the outbox is chosen on purpose', () => {
    expect(problemsOf(LIVE)).toEqual([
      'SMTP_URL: required with HUBSPOT_ACCESS_TOKEN, or the emails to your clients are only written to DATA_DIR/outbox and nobody receives them. ' +
        'Set SMTP_URL (smtp://user:password@smtp.example.com:587), or EMAIL_TRANSPORT=outbox to keep them in the outbox on purpose',
    ]);
    expect(loadConfig({ ...LIVE, EMAIL_TRANSPORT: 'outbox' }).email).toMatchObject({ transport: 'outbox', outboxChosen: true });
    expect(loadConfig({ ...LIVE, SMTP_URL: 'smtp://u:p@mail.example.com:587', EMAIL_FROM: 'a@example.com' }).email).toMatchObject({ transport: 'smtp' });
    expect(loadConfig({}).email).toMatchObject({ transport: 'outbox', outboxChosen: false }); // dry-run: nothing to send anyway
  });

  it('refuses contradictory transports', () => {
    expect(problemsOf({ EMAIL_TRANSPORT: 'smtp' })).toEqual([expect.stringMatching(/^SMTP_URL: required with EMAIL_TRANSPORT=smtp/)]);
    expect(problemsOf({ EMAIL_TRANSPORT: 'outbox', SMTP_URL: 'smtp://mail.example.com', EMAIL_FROM: 'a@example.com' })).toEqual([expect.stringMatching(/^EMAIL_TRANSPORT: "outbox" keeps emails/)]);
    expect(problemsOf({ EMAIL_TRANSPORT: 'pigeon' })).toEqual(['EMAIL_TRANSPORT: EMAIL_TRANSPORT must be "smtp" or "outbox"']);
  });
});

describe('what each command needs', () => {
  it('setup needs only the token and the account id; the server needs the secret, the URL and an email transport too', () => {
    const account = { HUBSPOT_ACCESS_TOKEN: 'pat-na1-x', HUBSPOT_PORTAL_ID: '123' };
    expect(problemsOf(account, 'account')).toEqual([]);
    expect(problemsOf({ HUBSPOT_PORTAL_ID: '123' }, 'account')).toEqual([expect.stringMatching(/^HUBSPOT_ACCESS_TOKEN: required/)]);
    expect(problemsOf(account).map((p) => p.split(':')[0])).toEqual(['HUBSPOT_CLIENT_SECRET', 'SMTP_URL']);
    expect(requirementProblems(loadConfig(account, 'tool'), 'server')).toHaveLength(2); // what doctor reports
  });
});

describe('.env', () => {
  it('is read into the environment, and a variable already set wins over the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'first100-env-'));
    const name = `FIRST100_TEST_${process.pid}`;
    try {
      await writeFile(join(dir, '.env'), `${name}_A=from-file\n${name}_B="#1f6feb" # a comment\n`);
      process.env[`${name}_A`] = 'from-environment';
      expect(loadEnvFile(join(dir, '.env'))).toBe(true);
      expect(process.env[`${name}_A`]).toBe('from-environment');
      expect(process.env[`${name}_B`]).toBe('#1f6feb');
      expect(loadEnvFile(join(dir, 'missing.env'))).toBe(false);
    } finally {
      delete process.env[`${name}_A`];
      delete process.env[`${name}_B`];
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('.env.example lists every setting first100 reads, and only those; its values load as they are', async () => {
    const example = await readFile(join(import.meta.dirname, '../.env.example'), 'utf8');
    const [first100Part, composePart] = example.split('docker compose only');
    const names = (text: string) => [...text!.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(names(first100Part!))).toEqual(new Set(SETTING_NAMES));
    expect(names(composePart!)).toEqual(['DOMAIN', 'POSTGRES_PASSWORD']); // compose.yaml's, not first100's
    const { parseEnv } = await import('node:util');
    expect(loadConfig(parseEnv(example) as Record<string, string>, 'tool').email.brandColor).toBe('#1f6feb');
  });

  it('the README\'s configuration table has a row for every setting', async () => {
    const readme = await readFile(join(import.meta.dirname, '../README.md'), 'utf8');
    const rows = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    for (const name of SETTING_NAMES) expect(rows, name).toContain(name);
  });
});

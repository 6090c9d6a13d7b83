import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectDoctorChecks } from '../../src/cli/doctor-command.js';
import { checkPublicUrl } from '../../src/cli/doctor-checks.js';
import { checkEmail, verifySmtp } from '../../src/cli/doctor-email.js';
import { loadConfig } from '../../src/config.js';
import { createHubSpotAdapter } from '../../src/hubspot/create-hubspot-adapter.js';
import { runCommand, REPO } from '../support/cli.js';
import { startSmtpSink } from '../support/smtp-sink.js';

// Real sockets on this machine, no nock: each failure is the real thing Node's fetch and nodemailer meet.
let cleanUps: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  cleanUps = [];
});

function listen(server: Server | ReturnType<typeof createHttpsServer>): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An https server with a certificate nobody signed (openssl makes it for the test). */
async function selfSignedServer(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-cert-'));
  cleanUps.push(() => rm(dir, { recursive: true, force: true }));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const server = createHttpsServer({ key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) }, (_req, res) => res.end('ok'));
  cleanUps.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return listen(server);
}

/** Accepts connections and never answers. */
async function silentServer(): Promise<number> {
  const sockets: import('node:net').Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  cleanUps.push(() => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))));
  return listen(server);
}

describe('doctor names each network failure', () => {
  it('certificate, refused, DNS and timeout, instead of "fetch failed"', async () => {
    const tls = await selfSignedServer();
    const [certificate] = await checkPublicUrl(`https://127.0.0.1:${tls}`, fetch);
    expect(certificate!.detail).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${tls}/healthz cannot be reached: certificate: 127\\.0\\.0\\.1:${tls} presents a certificate that is not trusted \\(DEPTH_ZERO_SELF_SIGNED_CERT`));

    const refusedPort = await closedPort();
    const [refused] = await checkPublicUrl(`https://127.0.0.1:${refusedPort}`, fetch);
    expect(refused!.detail).toContain(`cannot be reached: connection refused: nothing listens at 127.0.0.1:${refusedPort}`);

    const [dns] = await checkPublicUrl('https://first100-doctor-test.invalid', fetch);
    expect(dns!.detail).toContain('cannot be reached: DNS: the name first100-doctor-test.invalid does not resolve');

    const silent = await silentServer();
    const [timeout] = await checkPublicUrl(`https://127.0.0.1:${silent}`, fetch, 300);
    expect(timeout!.detail).toContain(`cannot be reached: timeout: 127.0.0.1:${silent} did not answer in time`);

    for (const r of [certificate, refused, dns, timeout]) {
      expect(r!.status).toBe('fail');
      expect(r!.detail).not.toContain('fetch failed');
    }
  });

  it('stops before the token checks when HubSpot\'s API cannot be reached, and says why', async () => {
    const port = await closedPort();
    const config = loadConfig({ HUBSPOT_ACCESS_TOKEN: 'pat-x', HUBSPOT_PORTAL_ID: '42', HUBSPOT_API_BASE_URL: `http://127.0.0.1:${port}` }, 'tool');
    const hubspot = createHubSpotAdapter({ accessToken: 'pat-x', apiBaseUrl: config.hubspot.apiBaseUrl, callsPer10s: 250, retry: { attempts: 1, serverErrorDelayMs: 1, rateLimitDelayMs: 1 } });
    const checks = await collectDoctorChecks({ config, hubspot, fetch, projectDir: REPO, verifySmtp: verifySmtp(1000) });
    expect(checks.find((c) => c.check === 'HubSpot API')).toEqual({
      check: 'HubSpot API',
      status: 'fail',
      detail: `http://127.0.0.1:${port} cannot be reached: connection refused: nothing listens at 127.0.0.1:${port} (is the server, or the proxy in front of it, running?)`,
    });
    expect(checks.some((c) => c.check === 'token')).toBe(false);
  });
});

describe('doctor checks email', () => {
  const emailConfig = (env: Record<string, string>) =>
    loadConfig({ HUBSPOT_ACCESS_TOKEN: 'pat-x', HUBSPOT_PORTAL_ID: '42', EMAIL_FROM: 'Acme <onboarding@acme.example>', EMAIL_BRAND_NAME: 'Acme', ...env }, 'tool');

  it('logs in to the SMTP server (EHLO, AUTH) and names a refused password or a refused connection', async () => {
    const sink = await startSmtpSink({ credentials: { user: 'first100', pass: 'right' } });
    cleanUps.push(() => sink.stop());
    const port = new URL(sink.url).port;
    expect(await checkEmail(emailConfig({ SMTP_URL: sink.url }), verifySmtp(2000))).toEqual([
      { check: 'email', status: 'ok', detail: `SMTP via 127.0.0.1:${port} accepts the connection and the login` },
    ]);
    const [wrong] = await checkEmail(emailConfig({ SMTP_URL: `smtp://first100:wrong@127.0.0.1:${port}` }), verifySmtp(2000));
    expect(wrong).toMatchObject({ status: 'fail', detail: expect.stringMatching(new RegExp(`^SMTP via 127\\.0\\.0\\.1:${port}: the server refused the user name or password in SMTP_URL \\(535`)) });
    const closed = await closedPort();
    const [refused] = await checkEmail(emailConfig({ SMTP_URL: `smtp://u:p@127.0.0.1:${closed}` }), verifySmtp(2000));
    expect(refused).toMatchObject({ status: 'fail', detail: expect.stringContaining(`connection refused: nothing listens at 127.0.0.1:${closed}`) });
    expect(sink.messages).toEqual([]); // nothing was sent
  });

  it('warns while the brand is still "first100", and when emails only go to the outbox', async () => {
    const checks = await checkEmail(loadConfig({ HUBSPOT_ACCESS_TOKEN: 'pat-x', EMAIL_TRANSPORT: 'outbox', DATA_DIR: '/srv/first100' }, 'tool'), verifySmtp(1000));
    expect(checks).toEqual([
      { check: 'email', status: 'warn', detail: 'outbox only (/srv/first100/outbox): emails are written there as files and nobody receives them; set SMTP_URL to send them to your clients' },
      { check: 'email brand', status: 'warn', detail: expect.stringContaining('EMAIL_BRAND_NAME is still "first100": clients would read "Welcome to first100"') },
    ]);
  });
});

describe('first100 doctor --json', () => {
  it('prints one JSON document with every check, and exits 1 when something must be fixed', async () => {
    const run = await runCommand(['doctor', '--json']);
    const answer = JSON.parse(run.out.join('\n'));
    expect(answer.ok).toBe(false);
    expect(answer.checks).toEqual(expect.arrayContaining([{ check: 'settings', status: 'fail', detail: expect.stringContaining('HUBSPOT_ACCESS_TOKEN') }]));
    expect(run.code).toBe(1);
  });
});

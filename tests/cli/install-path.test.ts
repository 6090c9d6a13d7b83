import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseEnv, promisify } from 'node:util';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setEnvValues } from '../../src/cli/env-file.js';
import { OWN_PLAYBOOK } from '../../src/cli/init-command.js';
import { first100Properties } from '../../src/hubspot/first100-properties.js';
import { fakePortal } from '../support/fake-portal.js';
import { REPO, runCommand } from '../support/cli.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { freshDataDir } from '../support/start-server.js';

const run = promisify(execFile);
const PUBLIC_URL = 'https://onboarding.acme.example';
const stage = (id: string, label: string, isClosed: boolean, probability: string) => ({ id, label, metadata: { isClosed: String(isClosed), probability } });
/** HubSpot's default sales pipeline with one stage of the admin's own, and a delivery pipeline whose "Done" is won. */
const PIPELINES = [
  {
    id: 'default',
    label: 'Sales Pipeline',
    stages: [
      ...['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'].map((id, i) => stage(id, id, false, String(0.2 + i * 0.15))),
      stage('pilot', 'Pilot', false, '0.95'),
      stage('closedwon', 'Closed Won', true, '1.0'),
      stage('closedlost', 'Closed Lost', true, '0.0'),
    ],
  },
  { id: '777', label: 'Delivery', stages: [stage('778', 'Kickoff', false, '0.5'), stage('779', 'Done', true, '1.0')] },
];

let checkout: string;
let server: ChildProcess | undefined;
const cleanUps: (() => Promise<void> | void)[] = [];
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1'); // the SMTP server and the first100 server of this test
});
afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  nock.cleanAll();
});

/** The repository as a new admin clones it: tracked content only, no .env, no data, no playbook of their own. */
async function cleanCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-install-'));
  cleanUps.push(() => rm(dir, { recursive: true, force: true }));
  const left = /^(node_modules|\.git|\.data|\.env|playbooks\/local|coverage|scratch|\.build)(\/|$)/;
  await cp(REPO, dir, { recursive: true, filter: (source) => !left.test(relative(REPO, source)) });
  await symlink(await realpath(join(REPO, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('a new admin installs first100, in the README\'s order', { timeout: 240_000 }, () => {
  it('init → check:hubspot → setup against HubSpot → start from .env → doctor all ✓ → GET / shows the status', async () => {
    checkout = await cleanCopy();
    const io = { projectDir: checkout, workDir: checkout };

    // 1. first100 init, with flags.
    const init = await runCommand(['init', '--url', `${PUBLIC_URL}/`, '--portal-id', '4242', '--language', 'en', '--brand-name', 'Acme', '--brand-color', '#0a7d3c', '--from', 'Acme Onboarding <onboarding@acme.example>'], io);
    expect(init).toMatchObject({ code: 0, err: [] });

    // 2. npm run check:hubspot agrees with what init wrote.
    const check = await run('npm', ['run', '--silent', 'check:hubspot'], { cwd: checkout });
    expect(check.stdout).toContain('HubSpot project OK');

    // 3. After hs project upload: the token, the secret and the SMTP server go into .env.
    const smtp = await startSmtpSink({ credentials: { user: 'acme', pass: 'mail-password' } });
    cleanUps.push(() => smtp.stop());
    const envPath = join(checkout, '.env');
    await writeFile(envPath, setEnvValues(await readFile(envPath, 'utf8'), { HUBSPOT_ACCESS_TOKEN: 'pat-na1-acme', HUBSPOT_CLIENT_SECRET: 'acme-client-secret', SMTP_URL: smtp.url }));
    const env = parseEnv(await readFile(envPath, 'utf8')) as Record<string, string>;

    // 4. first100 setup --pipeline default, against a double that refuses what HubSpot refuses.
    const portal = fakePortal({ groups: { deals: ['dealinformation'], companies: ['companyinformation'] }, properties: { deals: [], companies: [] }, pipelines: PIPELINES, tokenInfo: { hubId: 4242, scopes: [] } });
    cleanUps.push(() => portal.stop());
    const playbookBefore = await readFile(join(checkout, OWN_PLAYBOOK), 'utf8');
    const setup = await runCommand(['setup', '--pipeline', 'default'], { ...io, env });
    expect(setup.code).toBe(0);
    const wanted = first100Properties('en');
    expect(setup.out).toContain(`deals: created ${wanted.deals.length} of ${wanted.deals.length} properties`);
    expect(setup.out).toContain(`companies: created ${wanted.companies.length} of ${wanted.companies.length} properties`);
    const playbookAfter = await readFile(join(checkout, OWN_PLAYBOOK), 'utf8');
    expect(playbookAfter.split('\n').filter((line) => !playbookBefore.split('\n').includes(line))).toEqual(['    pilot: assess # Pilot: added by first100 setup, review']);
    expect(playbookAfter.split('\n')).toHaveLength(playbookBefore.split('\n').length + 1);
    expect(playbookAfter).not.toContain('"777"');

    // 5. first100 start, reading .env (PORT comes from the environment, which wins).
    const port = await freePort();
    await cp(await freshDataDir(), join(checkout, '.data'), { recursive: true }); // an already initialised embedded database: seconds, not a minute
    const logs: string[] = [];
    server = spawn(process.execPath, [join(checkout, 'bin/first100.mjs'), 'start'], { cwd: checkout, env: { PATH: process.env.PATH ?? '', PORT: String(port), SCHEDULES: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanUps.push(() => new Promise<void>((resolve) => (server!.exitCode !== null ? resolve() : (server!.once('exit', () => resolve()), server!.kill('SIGTERM')))));
    server.stdout!.on('data', (c: Buffer) => logs.push(c.toString()));
    server.stderr!.on('data', (c: Buffer) => logs.push(c.toString()));
    const local = `http://127.0.0.1:${port}`;
    const up = async () => logs.join('').includes('status at') && (await fetch(`${local}/healthz`).then((r) => r.ok, () => false));
    for (const started = Date.now(); !(await up()); ) {
      if (server.exitCode !== null || Date.now() - started > 120_000) throw new Error(`first100 start did not come up:\n${logs.join('')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(logs.join('')).toContain(`first100 0.1.0: live on HubSpot account 4242; embedded database in ./.data; emails: SMTP via 127.0.0.1:${new URL(smtp.url).port}; HubSpot must reach ${PUBLIC_URL}/webhooks/hubspot`);

    // 6. first100 doctor: all ✓ (HubSpot is the double; the public URL reaches the server started above).
    portal.state.tokenInfo = { hubId: 4242, scopes: JSON.parse(await readFile(join(checkout, 'extensions/app/app-hsmeta.json'), 'utf8')).config.auth.requiredScopes };
    nock(PUBLIC_URL).persist().get('/healthz').reply(async () => [200, await (await fetch(`${local}/healthz`)).text()]);
    // The copied default playbook still holds the shipped example stories and terms: doctor refuses to go live.
    const refused = await runCommand(['doctor'], { ...io, env });
    expect(refused.code).toBe(1);
    expect(refused.out.filter((line) => line.startsWith('✗'))).toEqual(expect.arrayContaining([expect.stringMatching(/^✗ playbook content: remorseTerms\.product_doubt: still the shipped example/)]));
    // The adopter writes their own (here: keeps the words, drops the example marks).
    const own = join(checkout, OWN_PLAYBOOK);
    await writeFile(own, (await readFile(own, 'utf8')).replace(/^\s*example: true\n/gm, ''));
    const doctor = await runCommand(['doctor'], { ...io, env });
    expect(doctor.out.filter((line) => !line.startsWith('✓'))).toEqual(['first100 and HubSpot fit together.']);
    expect(doctor.code).toBe(0);

    // 7. GET / shows the status.
    const page = await (await fetch(`${local}/`)).text();
    expect(page).toContain('<h1>first100 0.1.0</h1>');
    expect(page).toContain('live: writes to HubSpot');
    expect(page).toContain(`SMTP via 127.0.0.1:${new URL(smtp.url).port}`);
    expect(page).not.toContain('mail-password');

    // 8. A supervisor's SIGTERM reaches first100 itself (no wrapper process left behind), which stops cleanly.
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await fetch(`${local}/healthz`).then(() => 'answering', () => 'gone')).toBe('gone');
  });
});

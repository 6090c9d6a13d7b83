import { createServer, type Server } from 'node:net';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { runBin, runCommand } from '../support/cli.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';
import { freshDataDir } from '../support/start-server.js';

const USAGE_LINE = /^first100( \w+)?: .+\. Usage: first100 .+ \(first100 .*(help|--help) says more\)$/;

let cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  cleanUps = [];
});

/** A user's mistake: one line on stderr with the usage, exit 2, nothing on stdout, no stack trace. */
function expectUsageError(run: { code: number; out: string[]; err: string[] }, problem: string) {
  expect(run.err).toHaveLength(1);
  expect(run.err[0]).toMatch(USAGE_LINE);
  expect(run.err[0]).toContain(problem);
  expect(run.out).toEqual([]);
  expect(run.code).toBe(2);
}

describe('first100 on the command line', () => {
  it('prints help on stdout and exits 0 for help, -h, --help and no command', async () => {
    for (const argv of [['help'], ['-h'], ['--help'], []]) {
      const run = await runCommand(argv);
      expect(run.code, argv.join(' ')).toBe(0);
      expect(run.err).toEqual([]);
      expect(run.out.join('\n')).toContain('Usage: first100 <init|setup|start|doctor|status|project|plan|demo|retry> [options]');
    }
  });

  it('prints a command\'s help for "help <command>", "<command> --help" and "-h"; demo --help does not run the demo', async () => {
    for (const argv of [['help', 'plan'], ['plan', '--help'], ['plan', '-h']]) {
      const run = await runCommand(argv);
      expect(run).toMatchObject({ code: 0, err: [] });
      expect(run.out.join('\n')).toMatch(/^Usage: first100 plan --stage <stage id>/);
    }
    const started = Date.now();
    const demo = await runCommand(['demo', '--help']);
    expect(demo).toMatchObject({ code: 0, err: [] });
    expect(demo.out.join('\n')).toContain('--keep <dir>');
    expect(demo.out.join('\n')).not.toContain('Timeline');
    expect(Date.now() - started).toBeLessThan(2000); // the demo boots a database: it did not run
  });

  it('prints its version', async () => {
    const run = await runCommand(['--version']);
    expect(run).toEqual({ code: 0, out: [expect.stringMatching(/^first100 \d+\.\d+\.\d+$/)], err: [], asked: [] });
  });

  it('answers unknown commands, options and arguments in one line with the usage, exit 2', async () => {
    expectUsageError(await runCommand(['frobnicate']), 'first100: unknown command "frobnicate"');
    expectUsageError(await runCommand(['--frobnicate']), 'first100: unknown option --frobnicate');
    expectUsageError(await runCommand(['help', 'frobnicate']), 'unknown command "frobnicate"');
    expectUsageError(await runCommand(['doctor', '--jsn']), 'first100 doctor: unknown option --jsn. Usage: first100 doctor [--json]');
    expectUsageError(await runCommand(['setup', '-x']), 'first100 setup: unknown option -x');
    expectUsageError(await runCommand(['status', 'now']), 'first100 status: unexpected argument "now"');
    expectUsageError(await runCommand(['demo', '--keep']), 'first100 demo: option --keep needs a value');
    expectUsageError(await runCommand(['setup', '--dry-run=yes']), 'first100 setup: option --dry-run takes no value');
  });

  it('plan: a missing --stage, a bad --at, --contacts or --phase is a usage error, not a stack trace', async () => {
    expectUsageError(await runCommand(['plan', '--playbook', SMALL_PLAYBOOK_PATH]), 'first100 plan: say which stage the deal moves to, with --stage <stage id>');
    expectUsageError(await runCommand(['plan', '--stage', 'closedwon', '--at', 'next tuesday', '--playbook', SMALL_PLAYBOOK_PATH]), '--at "next tuesday" is not a date-time');
    expectUsageError(await runCommand(['plan', '--stage', 'closedwon', '--contacts', 'many', '--playbook', SMALL_PLAYBOOK_PATH]), '--contacts "many" is not a number');
    expectUsageError(await runCommand(['plan', '--stage', 'closedwon', '--phase', 'onboarding', '--playbook', SMALL_PLAYBOOK_PATH]), '--phase "onboarding" is not a phase');
    expectUsageError(await runCommand(['plan', '--file', '/nonexistent/change.json']), '--file /nonexistent/change.json cannot be read (ENOENT)');
    const missing = await runCommand(['plan', '--stage', 'closedwon', '--playbook', '/nonexistent/playbook.yml']);
    expect(missing).toMatchObject({ code: 1, err: ['first100 plan: the playbook /nonexistent/playbook.yml does not exist: give --playbook <file> or set PLAYBOOK'] });
  });

  it('demo --keep refuses a directory that holds something else', async () => {
    expectUsageError(await runCommand(['demo', '--keep', tmpdir()]), `--keep ${tmpdir()} is not empty`);
  });

  it('project set-url refuses what HubSpot cannot call, in one line', async () => {
    expectUsageError(await runCommand(['project', 'set-url', 'http://onboarding.acme.example']), 'is not https');
    expectUsageError(await runCommand(['project', 'set-url', 'https://acme.example/first100']), 'has a path');
    expectUsageError(await runCommand(['project', 'set-url']), 'set-url needs the address');
    expectUsageError(await runCommand(['project', 'rename']), 'unknown action "rename"');
  });

  it('status names why no server answers', async () => {
    const port = await closedPort();
    const run = await runCommand(['status', '--url', `http://127.0.0.1:${port}`]);
    expect(run).toMatchObject({ code: 1, out: [] });
    expect(run.err).toEqual([`first100 status: no first100 server answers at http://127.0.0.1:${port}: connection refused: nothing listens at 127.0.0.1:${port} (is the server, or the proxy in front of it, running?); start it with first100 start`]);
  });
});

describe('the first100 executable', () => {
  it('exits 2 with one line for an unknown command, and 0 with help on stdout', async () => {
    const wrong = await runBin(['frobnicate']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toHaveLength(1);
    expect(wrong.err[0]).toMatch(USAGE_LINE);
    const help = await runBin(['-h']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^first100 \d/);
  });

  it('start says in one line that the port is taken, instead of a stack trace', async () => {
    const busy = await listeningServer();
    const dataDir = await freshDataDir(); // the run's migrated template: no initdb
    cleanUps.push(() => new Promise<void>((resolve) => busy.server.close(() => resolve())), () => rm(dataDir, { recursive: true, force: true }));
    const run = await runBin(['start'], { env: { PORT: String(busy.port), DATA_DIR: dataDir, PLAYBOOK: SMALL_PLAYBOOK_PATH, SCHEDULES: 'off' }, timeoutMs: 120_000 });
    expect(run.code).toBe(1);
    expect(run.err).toEqual([`first100 start: port ${busy.port} is already in use by another program: stop it, or set PORT to a free port`]);
  });

  it('start refuses a token without an email transport, naming both ways out', async () => {
    const run = await runBin(['start'], {
      env: { HUBSPOT_ACCESS_TOKEN: 'pat-x', HUBSPOT_CLIENT_SECRET: 's', HUBSPOT_PORTAL_ID: '42', PUBLIC_BASE_URL: 'https://first100.example.com' },
    });
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/SMTP_URL: required with HUBSPOT_ACCESS_TOKEN, or the emails to your clients are only written to DATA_DIR\/outbox and nobody receives them.*EMAIL_TRANSPORT=outbox/);
    expect(run.err.join('\n')).not.toMatch(/\n\s+at /);
  });
});

function closedPort(): Promise<number> {
  return listeningServer().then(({ server, port }) => new Promise((resolve) => server.close(() => resolve(port))));
}

function listeningServer(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

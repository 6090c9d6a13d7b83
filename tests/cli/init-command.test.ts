import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv, promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_PLAYBOOK } from '../../src/cli/init-command.js';
import { loadConfig } from '../../src/config.js';
import { REPO, runCommand } from '../support/cli.js';

const run = promisify(execFile);
const URL_PLACES = [
  'extensions/app/cards/lib/backend.ts',
  'extensions/app/pages/lib/backend.ts',
  'extensions/app/settings/lib/backend.ts',
  'extensions/app/app-hsmeta.json',
  'extensions/app/webhooks/webhooks-hsmeta.json',
  'extensions/app/workflow-actions/move-phase-hsmeta.json',
  'extensions/app/workflow-actions/pause-resume-hsmeta.json',
  'extensions/app/workflow-actions/send-survey-hsmeta.json',
  'extensions/app/workflow-actions/start-onboarding-hsmeta.json',
];
const FLAGS = ['--url', 'https://onboarding.acme.example/', '--portal-id', '4242', '--language', 'it', '--brand-name', 'Acme Srl', '--brand-color', '#0a7d3c', '--from', 'Acme Onboarding <onboarding@acme.example>'];

let dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

/** The files init reads and writes, copied from the repository as a new admin clones it. */
async function checkout(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-init-'));
  dirs.push(dir);
  for (const entry of ['hsproject.json', 'hubspot.config.yml', 'package.json', '.env.example', 'extensions', 'playbooks']) await cp(join(REPO, entry), join(dir, entry), { recursive: true });
  return dir;
}

async function projectCheck(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [join(REPO, 'scripts/check-hubspot-project.mjs'), dir]);
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, output: e.stderr };
  }
}

describe('first100 init', () => {
  it('with flags: writes .env, copies the playbook to your own, and sets the URL (slash normalised) in every place of the project', async () => {
    const dir = await checkout();
    const before = Object.fromEntries(await Promise.all(URL_PLACES.map(async (f) => [f, await readFile(join(dir, f), 'utf8')])));
    const result = await runCommand(['init', ...FLAGS], { projectDir: dir, workDir: dir });
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);

    const envText = await readFile(join(dir, '.env'), 'utf8');
    const env = parseEnv(envText);
    expect(env).toMatchObject({
      PUBLIC_BASE_URL: 'https://onboarding.acme.example',
      HUBSPOT_PORTAL_ID: '4242',
      PLAYBOOK: OWN_PLAYBOOK,
      EMAIL_BRAND_NAME: 'Acme Srl',
      EMAIL_BRAND_COLOR: '#0a7d3c',
      EMAIL_FROM: 'Acme Onboarding <onboarding@acme.example>',
    });
    expect(loadConfig(env, 'tool').email).toMatchObject({ brandName: 'Acme Srl', brandColor: '#0a7d3c' }); // what the server reads back
    expect(envText).toContain('# With a token, the server starts only with SMTP_URL set'); // .env.example's guidance stays
    expect((await stat(join(dir, '.env'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, OWN_PLAYBOOK), 'utf8')).toBe(await readFile(join(REPO, 'playbooks/default.it.yml'), 'utf8'));

    for (const file of URL_PLACES) {
      const text = await readFile(join(dir, file), 'utf8');
      expect(text, file).not.toContain('first100.example.com');
      expect(text, file).toContain('https://onboarding.acme.example');
      expect(text.split('\n').length, `${file} keeps its layout`).toBe(before[file]!.split('\n').length);
    }
    const app = JSON.parse(await readFile(join(dir, 'extensions/app/app-hsmeta.json'), 'utf8')).config;
    expect(app.permittedUrls.fetch).toEqual(['https://onboarding.acme.example']);
    expect(app.support).toEqual({ supportEmail: 'onboarding@acme.example', documentationUrl: 'https://onboarding.acme.example/', supportUrl: 'https://onboarding.acme.example/' });
    expect(await readFile(join(dir, 'extensions/app/cards/lib/backend.ts'), 'utf8')).toContain("export const BACKEND_URL = 'https://onboarding.acme.example';");
    expect(await readFile(join(dir, 'hubspot.config.yml'), 'utf8')).toMatch(/^ {4}portalId: 4242$/m);
    expect(await projectCheck(dir)).toMatchObject({ code: 0, output: expect.stringContaining('HubSpot project OK') });
  });

  it('asks in a terminal for what the flags do not give, and asks again after a wrong answer', async () => {
    const dir = await checkout();
    const result = await runCommand(['init', '--language', 'en'], {
      projectDir: dir,
      workDir: dir,
      answers: ['http://onboarding.acme.example', 'https://onboarding.acme.example', '4242', 'Acme', '', 'onboarding@acme.example'],
    });
    expect(result.code).toBe(0);
    expect(result.asked).toEqual([
      'Public https address of this server, e.g. https://onboarding.acme.com: ',
      'Public https address of this server, e.g. https://onboarding.acme.com: ',
      'HubSpot account id (the number in your HubSpot URLs): ',
      "Your company's name, as the emails say it: ",
      "Colour of the emails' buttons and links, hex [#1f6feb]: ",
      'Sender of the emails, e.g. Acme Onboarding <onboarding@acme.com>: ',
    ]);
    expect(result.out).toContain('  http://onboarding.acme.example is not https: HubSpot calls only https URLs (the Caddy service in compose.yaml gives you one)');
    expect(parseEnv(await readFile(join(dir, '.env'), 'utf8'))).toMatchObject({ EMAIL_BRAND_COLOR: '#1f6feb', EMAIL_FROM: 'onboarding@acme.example', PLAYBOOK: OWN_PLAYBOOK });
    expect(await readFile(join(dir, OWN_PLAYBOOK), 'utf8')).toBe(await readFile(join(REPO, 'playbooks/default.en.yml'), 'utf8'));
  });

  it('without a terminal, names the missing flags in one line (exit 2); a bad value too', async () => {
    const dir = await checkout();
    const missing = await runCommand(['init', '--url', 'https://onboarding.acme.example'], { projectDir: dir, workDir: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([expect.stringMatching(/^first100 init: missing --portal-id, --brand-name, --from \(give them as flags, or run init in a terminal to be asked\)\. Usage: first100 init/)]);
    const bad = await runCommand(['init', ...FLAGS.slice(0, -2), '--from', 'Acme'], { projectDir: dir, workDir: dir });
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toContain('first100 init: --from: EMAIL_FROM must be an address, optionally with a name');
  });

  it('run again: keeps your playbook and the lines you added to .env, changes the values', async () => {
    const dir = await checkout();
    await runCommand(['init', ...FLAGS], { projectDir: dir, workDir: dir });
    await writeFile(join(dir, OWN_PLAYBOOK), '# my edits\n');
    await writeFile(join(dir, '.env'), `${await readFile(join(dir, '.env'), 'utf8')}HUBSPOT_ACCESS_TOKEN=pat-na1-pasted\n`);
    const again = await runCommand(['init', ...FLAGS.slice(0, 1), 'https://first100.acme.example', ...FLAGS.slice(2)], { projectDir: dir, workDir: dir });
    expect(again.out).toContain(`kept your playbook ${OWN_PLAYBOOK}`);
    expect(await readFile(join(dir, OWN_PLAYBOOK), 'utf8')).toBe('# my edits\n');
    expect(parseEnv(await readFile(join(dir, '.env'), 'utf8'))).toMatchObject({ PUBLIC_BASE_URL: 'https://first100.acme.example', HUBSPOT_ACCESS_TOKEN: 'pat-na1-pasted' });
    expect(await projectCheck(dir)).toMatchObject({ code: 0 });
  });
});

describe('first100 project set-url', () => {
  it('sets the URL alone, in every place, and a second run changes nothing', async () => {
    const dir = await checkout();
    const first = await runCommand(['project', 'set-url', 'https://onboarding.acme.example//'], { projectDir: dir, workDir: dir });
    expect(first.code).toBe(0);
    expect(first.out[0]).toBe(`set https://onboarding.acme.example in ${URL_PLACES.slice(0, 3).join(', ')}, ${URL_PLACES.slice(3).join(', ')}`);
    expect(await readFile(join(dir, 'hubspot.config.yml'), 'utf8')).toMatch(/portalId: 0$/m); // the account is init's
    expect(await projectCheck(dir)).toMatchObject({ code: 0 });
    const second = await runCommand(['project', 'set-url', 'https://onboarding.acme.example'], { projectDir: dir, workDir: dir });
    expect(second.out[0]).toBe('the HubSpot project already points at https://onboarding.acme.example');
  });
});

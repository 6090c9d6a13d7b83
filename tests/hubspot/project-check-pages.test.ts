import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '../..');
const script = join(repo, 'scripts/check-hubspot-project.mjs');
let dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

async function copyProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-project-'));
  dirs.push(dir);
  for (const entry of ['hsproject.json', 'package.json', 'extensions']) await cp(join(repo, entry), join(dir, entry), { recursive: true });
  return dir;
}

async function check(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [script, dir]);
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, output: e.stderr };
  }
}

const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, 'utf8')));

describe('the project check accepts the app pages and the settings page', () => {
  it('passes on the project as committed, with its page and settings components', async () => {
    const result = await check(repo);
    expect(result.code).toBe(0);
    expect(result.output).toContain('PAGE:first100_pages');
    expect(result.output).toContain('SETTINGS:first100_settings');
  });

  it('fails on a second settings component: HubSpot allows one per app', async () => {
    const dir = await copyProject();
    await cp(join(dir, 'extensions/app/settings/settings-hsmeta.json'), join(dir, 'extensions/app/settings/more-settings-hsmeta.json'));
    await edit(join(dir, 'extensions/app/settings/more-settings-hsmeta.json'), (t) => t.replace('first100_settings', 'first100_more_settings'));
    expect((await check(dir)).code).toBe(1);
  });

  it('fails on a page entrypoint that does not exist, or outside the pages directory', async () => {
    const dir = await copyProject();
    await rm(join(dir, 'extensions/app/pages/Pages.tsx'));
    expect(await check(dir)).toMatchObject({ code: 1, output: expect.stringContaining('page first100_pages: entrypoint /app/pages/Pages.tsx does not exist') });
    await edit(join(dir, 'extensions/app/pages/pages-hsmeta.json'), (t) => t.replace('/app/pages/Pages.tsx', '/app/cards/Pages.tsx'));
    expect(await check(dir)).toMatchObject({ code: 1, output: expect.stringContaining('config.entrypoint') });
  });

  it("fails when the settings page's copy of the backend caller drifts from the pages' one", async () => {
    const dir = await copyProject();
    await edit(join(dir, 'extensions/app/settings/lib/backend.ts'), (t) => t.replace('https://first100.example.com', 'https://elsewhere.example.com'));
    expect(await check(dir)).toMatchObject({ code: 1, output: expect.stringContaining('app/settings/lib/backend.ts differs from') });
  });
});

describe('first100 project set-url reaches the pages and the settings page', () => {
  it('writes the server URL into both copies, and the check then passes', async () => {
    const { writeProjectSettings } = await import('../../src/cli/project-url-writer.js');
    const dir = await copyProject();
    await cp(join(repo, 'hubspot.config.yml'), join(dir, 'hubspot.config.yml'));
    const changed = await writeProjectSettings(dir, { baseUrl: 'https://onboarding.acme.example' });
    expect(changed).toEqual(expect.arrayContaining(['extensions/app/pages/lib/backend.ts', 'extensions/app/settings/lib/backend.ts']));
    expect(await readFile(join(dir, 'extensions/app/settings/lib/backend.ts'), 'utf8')).toContain("export const BACKEND_URL = 'https://onboarding.acme.example'");
    expect((await check(dir)).code).toBe(0);
  });

  it('fails when both pages copies name another server than the cards', async () => {
    const dir = await copyProject();
    for (const f of ['pages', 'settings']) await edit(join(dir, `extensions/app/${f}/lib/backend.ts`), (t) => t.replace('https://first100.example.com', 'https://elsewhere.example.com'));
    expect(await check(dir)).toMatchObject({ code: 1, output: expect.stringContaining('extensions/app/pages/lib/backend.ts BACKEND_URL is https://elsewhere.example.com') });
  });
});

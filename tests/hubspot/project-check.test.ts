import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

/** A copy of the project to break on purpose. */
async function copyProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'first100-project-'));
  dirs.push(dir);
  for (const entry of ['hsproject.json', 'package.json', 'extensions']) await cp(join(repo, entry), join(dir, entry), { recursive: true });
  return dir;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
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

/** The problems the check listed (each starts a "  - " line), so a test sees a crash or a second, spurious one. */
const problems = (output: string) => output.split('\n').filter((line) => line.startsWith('  - '));

describe('the project check CI runs on extensions/', () => {
  it('passes on the project as committed', async () => {
    const result = await check(repo);
    expect(result).toMatchObject({ code: 0, output: expect.stringContaining('CARD:first100_handoff_card') });
  });

  it('fails on a card whose location HubSpot does not have', async () => {
    const dir = await copyProject();
    await edit(join(dir, 'extensions/app/cards/handoff-card-hsmeta.json'), (t) => t.replace('crm.record.tab', 'crm.record.middle'));
    const result = await check(dir);
    expect(result).toMatchObject({ code: 1, output: expect.stringMatching(/handoff-card-hsmeta\.json:\s+- config\.location: must be equal to one of the allowed values/) });
    expect(result.output).toContain('allowedValues: crm.record.tab, crm.record.sidebar');
    expect(problems(result.output)).toHaveLength(1);
  });

  it('fails on a card whose entrypoint is missing', async () => {
    const dir = await copyProject();
    await rm(join(dir, 'extensions/app/cards/HandoffCard.tsx'));
    expect(await check(dir)).toMatchObject({ code: 1, output: expect.stringContaining('/app/cards/HandoffCard.tsx does not exist') });
  });

  it('fails when the cards call a server the app does not permit', async () => {
    const dir = await copyProject();
    await edit(join(dir, 'extensions/app/app-hsmeta.json'), (t) => t.replace('"https://first100.example.com"', '"https://other.example.com"'));
    expect(await check(dir)).toMatchObject({ code: 1, output: expect.stringContaining('permittedUrls.fetch is ["https://other.example.com"], should list https://first100.example.com') });
  });

  it('fails when the cards would be built by HubSpot with another React than the one tested', async () => {
    const dir = await copyProject();
    await edit(join(dir, 'extensions/app/cards/package.json'), (t) => t.replace('"react": "18.3.1"', '"react": "^18.2.0"'));
    expect(await check(dir)).toMatchObject({ code: 1, output: expect.stringContaining('react ^18.2.0') });
  });

  it('fails on a component file in a directory HubSpot does not read', async () => {
    const dir = await copyProject();
    await mkdir(join(dir, 'extensions/app/widgets'));
    await cp(join(dir, 'extensions/app/cards/handoff-card-hsmeta.json'), join(dir, 'extensions/app/widgets/x-hsmeta.json'));
    const result = await check(dir);
    expect(result).toMatchObject({ code: 1, output: expect.stringContaining('app/widgets/x-hsmeta.json: not in a component directory HubSpot reads; move it or remove it') });
    expect(problems(result.output)).toHaveLength(1);
  });

  it('fails when a workflow action calls another server or another path than its own', async () => {
    const dir = await copyProject();
    await edit(join(dir, 'extensions/app/workflow-actions/move-phase-hsmeta.json'), (t) => t.replace('https://first100.example.com/api/workflow-actions/move-phase', 'https://other.example.com/api/workflow-actions/move-phase'));
    await edit(join(dir, 'extensions/app/workflow-actions/send-survey-hsmeta.json'), (t) => t.replace('/api/workflow-actions/send-survey', '/api/workflow-actions/survey'));
    const result = await check(dir);
    expect(result).toMatchObject({ code: 1, output: expect.stringContaining('move-phase-hsmeta.json actionUrl is https://other.example.com/api/workflow-actions/move-phase, should be https://first100.example.com/api/workflow-actions/move-phase') });
    expect(result.output).toContain('send-survey-hsmeta.json actionUrl is https://first100.example.com/api/workflow-actions/survey, should be https://first100.example.com/api/workflow-actions/send-survey');
  });

  it('fails on a trailing slash in the URL the cards call, which would make every card call a 404', async () => {
    const dir = await copyProject();
    await edit(join(dir, 'extensions/app/cards/lib/backend.ts'), (t) => t.replace("BACKEND_URL = 'https://first100.example.com'", "BACKEND_URL = 'https://first100.example.com/'"));
    expect(await check(dir)).toMatchObject({
      code: 1,
      output: expect.stringContaining('BACKEND_URL is https://first100.example.com/; write it as https://first100.example.com (run: first100 project set-url https://first100.example.com)'),
    });
  });

  it('fails on a trailing slash in the webhook target, or support links on another server', async () => {
    const dir = await copyProject();
    await edit(join(dir, 'extensions/app/webhooks/webhooks-hsmeta.json'), (t) => t.replace('/webhooks/hubspot"', '/webhooks/hubspot/"'));
    await edit(join(dir, 'extensions/app/app-hsmeta.json'), (t) => t.replace('"https://first100.example.com/support"', '"https://help.example.org/support"'));
    const result = await check(dir);
    expect(result).toMatchObject({ code: 1, output: expect.stringContaining('targetUrl is https://first100.example.com/webhooks/hubspot/, should be https://first100.example.com/webhooks/hubspot') });
    expect(result.output).toContain('support.supportUrl is https://help.example.org/support, should be on https://first100.example.com');
  });

  it('fails on a workflow action for an object type HubSpot does not have, or without an Italian label', async () => {
    const dir = await copyProject();
    await edit(join(dir, 'extensions/app/workflow-actions/pause-resume-hsmeta.json'), (t) => t.replace('"DEAL"', '"DEALS"'));
    const result = await check(dir);
    expect(result).toMatchObject({ code: 1, output: expect.stringMatching(/pause-resume-hsmeta\.json:\s+- config\.objectTypes\.0: must be equal to one of the allowed values/) });
    expect(problems(result.output)).toHaveLength(1);
    const other = await copyProject();
    await edit(join(other, 'extensions/app/workflow-actions/pause-resume-hsmeta.json'), (t) => t.replace('"it": {', '"fr": {'));
    expect(await check(other)).toMatchObject({ code: 1, output: expect.stringContaining('labels.it is missing') });
  });
});

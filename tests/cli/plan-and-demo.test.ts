import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../src/cli/demo-command.js';
import { planLines } from '../../src/cli/plan-command.js';
import { SMALL_PLAYBOOK_PATH } from '../support/playbook.js';

describe('first100 plan', () => {
  it('prints the phase change, the steps with due dates and assignees, and the deal properties', async () => {
    const lines = await planLines({ stage: 'closedwon', owner: '101', company: 'Acme', at: '2026-12-04T15:00' }, SMALL_PLAYBOOK_PATH);
    expect(lines.join('\n')).toContain('not in onboarding → admit (Admit)');
    expect(lines).toContain('  task   Mon 07 Dec 2026 09:00  Celebrate Acme  → owner 101 (deal_owner), HIGH, TODO');
    expect(lines).toContain('warning: handoff-meeting: no PM on the deal (first100_pm_owner is empty): assigned to the deal owner');
  });

  it('reads the deal and the change from a JSON file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'first100-plan-')), 'change.json');
    await writeFile(file, JSON.stringify({ deal: { id: '7', name: 'Pilot', ownerId: '1', pmOwnerId: '2' }, stage: 'closedlost', phase: 'admit', at: '2026-12-04T15:00' }));
    const lines = await planLines({ file }, SMALL_PLAYBOOK_PATH);
    expect(lines.join('\n')).toContain('deal lost in admit (Admit): pending steps are cancelled');
  });
});

describe('npm run demo', { timeout: 120_000 }, () => {
  it('runs the server in dry-run and prints a timeline with phases, tasks and planned emails; --keep keeps its data', async () => {
    const lines: string[] = [];
    const keepDir = join(await mkdtemp(join(tmpdir(), 'first100-demo-keep-')), 'kept');
    await demoCommand(SMALL_PLAYBOOK_PATH, (line) => lines.push(line), { keepDir });
    const out = lines.join('\n');
    expect(out).toContain('1. Deal 9001 (Rossi Meccanica) is won: webhook answered 200 {"received":1,"stored":1,"ignored":0,"setAside":0}');
    expect(out).toContain('2. HubSpot delivers the same event again: webhook answered 200 {"received":1,"stored":0,"ignored":0,"setAside":0}');
    expect(out).toMatch(/enters admit \(Admit\)/);
    expect(out).toMatch(/enters affirm \(Affirm\) \(timed advance from admit\)/);
    expect(out).toMatch(/task {3}due .* Celebrate Rossi Meccanica → owner 101 \(deal_owner\) {2}\[done as dry-run-\d+\]/);
    expect(out).toMatch(/email {2}at .* welcome to primary contact {2}\[cancelled\]/);
    expect(out).toContain('5. Workflow 5001 runs "Start onboarding" (PM 205) on deal 9004 (Neri Impianti): action answered 200 {"outputFields":{"hs_execution_state":"BLOCK","hs_expiration_duration":"P7D"}}');
    const completed = JSON.parse(out.match(/completed the workflow \(callback ap-1-5001-1-0\): (\{.*\})/)![1]!);
    expect(completed).toEqual({ hs_execution_state: 'SUCCESS', outcome: 'started', phase: 'admit', tasks_created: '2', handoff_accepted: 'false' });
    const replayed = JSON.parse(out.match(/6\. HubSpot sends the same call again .*answered 200 (\{.*\}), no second effect/)![1]!);
    expect(replayed.outputFields).toEqual(completed);
    expect(out).toMatch(/enters admit \(Admit\) \(started by HubSpot workflow 5001\)/);
    expect(out).toMatch(/note {3}at .* Onboarding started by HubSpot workflow 5001 : not in onboarding → Admit/);
    expect(out).toMatch(/task {3}due .* Handoff meeting for Neri Impianti: maintenance contract → owner 205 \(pm\)/);
    // Deal 9001's contact labelled "Primary" reads Italian; Blue Harbor's only contact gets English; the workflow's deal 9004 gets its welcome too.
    expect(out).toMatch(/email {2}at .* welcome to primary contact {2}\[done: 1 sent\]/);
    expect(out).toMatch(/Outbox .*: 3 emails/);
    expect(out).toMatch(/[0-9a-f]{32}\.eml {2}to Marco Bianchi <marco\.bianchi@rossi-meccanica\.invalid> {2}"Benvenuti, Rossi Meccanica: da oggi lavoriamo insieme"/);
    expect(out).toMatch(/[0-9a-f]{32}\.eml {2}to Sam Carter <sam\.carter@blueharbor\.invalid> {2}"Welcome to first100, Blue Harbor!"/);
    expect(out).toMatch(/[0-9a-f]{32}\.eml {2}to Anna Neri <anna\.neri@neri-impianti\.invalid> {2}"Benvenuti, Neri Impianti: da oggi lavoriamo insieme"/);
    expect(out).toContain('Dry-run: 11 tasks, 8 deal updates, 3 logged emails and 1 workflow completion would have been sent to HubSpot.');
    expect(out).toContain(`Kept: the embedded database in ${join(keepDir, 'pglite')} and the emails in ${join(keepDir, 'outbox')}`);
    expect((await readdir(join(keepDir, 'outbox'))).filter((f) => f.endsWith('.eml'))).toHaveLength(3);
    expect(await readdir(join(keepDir, 'pglite'))).toContain('PG_VERSION');
    await rm(dirname(keepDir), { recursive: true, force: true });
  }, 90_000); // a fresh embedded database (initdb) and five rounds of work: slow on a busy machine
});

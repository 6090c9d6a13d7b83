import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCommand } from '../../src/cli/demo-command.js';
import { planLines } from '../../src/cli/plan-command.js';
import { readOutboxMessage } from '../../src/email/outbox-reader.js';
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
  it('walks one deal of the default playbook through its 100 days and prints the timeline; --keep keeps its data', async () => {
    const lines: string[] = [];
    const keepDir = join(await mkdtemp(join(tmpdir(), 'first100-demo-keep-')), 'kept');
    const started = Date.now();
    await demoCommand('playbooks/default.en.yml', (line) => lines.push(line), { keepDir });
    const elapsed = Date.now() - started;
    const out = lines.join('\n');
    expect(out).toContain('2. Deal 9001 (Rossi Meccanica) is won: webhook answered 200 {"received":1,"stored":1,"ignored":0,"setAside":0}');
    expect(out).toContain('3. HubSpot delivers the same event again: webhook answered 200 {"received":1,"stored":0,"ignored":0,"setAside":0}');
    expect(out).toContain('6. Workflow 5001 runs "Start onboarding" (PM 205) on deal 9004 (Neri Impianti): action answered 200 {"outputFields":{"hs_execution_state":"BLOCK","hs_expiration_duration":"P7D"}}');
    const completed = JSON.parse(out.match(/completed the workflow \(callback ap-1-5001-1-0\): (\{.*\})/)![1]!);
    expect(completed).toMatchObject({ hs_execution_state: 'SUCCESS', outcome: 'started', phase: 'admit', handoff_accepted: 'false' });
    const replayed = JSON.parse(out.match(/7\. HubSpot sends the same call again .*answered 200 (\{.*\}), no second effect/)![1]!);
    expect(replayed.outputFields).toEqual(completed);

    // Deal 9001 lives every phase, in order, within its 100 days.
    const rossi = out.slice(out.indexOf('Deal 9001 Rossi Meccanica'), out.indexOf('Deal 9002 Blue Harbor'));
    const entered = [...rossi.matchAll(/day (\d+) {2}enters (\w+) /g)].map((m) => [m[2], Number(m[1])] as const);
    expect(entered.map(([phase]) => phase)).toEqual(['assess', 'admit', 'affirm', 'activate', 'acclimate', 'accomplish', 'adopt', 'advocate']);
    expect(entered.every(([, day]) => day >= 1 && day <= 100)).toBe(true);
    expect(rossi).toMatch(/enters activate \(Activate\) \(handoff accepted\)/);
    expect(rossi).toMatch(/enters accomplish \(Accomplish\) \(moved from the card by HubSpot user 202: the agreed work is delivered\)/);
    expect(rossi).toMatch(/enters advocate \(Advocate\) \(promoter feedback \(NPS 10\/10 on The first 90 days of work together\)\)/);
    // The checkpoints, the practices of each phase and the surveys, as the default playbook plans them.
    for (const task of ['30 days with Rossi Meccanica', 'Halfway review with Rossi Meccanica', 'Book the 100-day review with Rossi Meccanica',
      'Send Rossi Meccanica a symbolic welcome gift', 'Surprise Rossi Meccanica with something small and digital', 'Give Rossi Meccanica the words we use',
      'Give Rossi Meccanica the materials to keep going on their own', 'Prepare the next step with Rossi Meccanica', 'Ask Rossi Meccanica for a referral or a review']) {
      expect(rossi).toMatch(new RegExp(`task {3}due .* ${task}.*\\[done as dry-run-\\d+\\]`));
    }
    // The promises recorded at the handoff, checked at the kickoff and at each checkpoint (activate, day 30, 60, 90).
    expect(rossi.match(/Promise to Rossi Meccanica: “Go-live before the summer break” – kept or at risk\?/g)).toHaveLength(4);
    expect(rossi.match(/Promise to Rossi Meccanica: “training for the office included” – kept or at risk\?/g)).toHaveLength(4);
    expect(rossi).toMatch(/email {2}at .* kickoff-survey to all contacts, CSAT survey on "Kickoff meeting" {2}\[done: 2 sent\]/);
    expect(rossi).toMatch(/email {2}at .* before-and-after to all contacts {2}\[done: 2 sent\]/);
    expect(out).toContain('day 3: the PM (user 202) accepts every item of the handoff');
    // The PM's records on the card: the confirmed doubt lets the reassurance go, the held kickoff its survey, the ending its email.
    expect(out).toMatch(/day \d+: the PM marks the kickoff held on the card/);
    expect(out).toMatch(/day 62: the PM records the ending on the card: the goal is achieved/);
    expect(rossi).toMatch(/email {2}at .* reassurance to primary contact {2}\[done: 1 sent\]/);
    expect(out).toMatch(/\.eml {2}to Marco Bianchi <marco\.bianchi@rossi-meccanica\.invalid> {2}"Rossi Meccanica, avete raggiunto il vostro obiettivo"/);
    expect(out).toMatch(/day \d+: the client answers the CSAT survey that reached them: 5/);
    expect(out).toMatch(/day \d+: the client answers the NPS survey that reached them: 10/);
    // The other deals stay where nobody moved them; the lost one plans nothing more.
    expect(out).toMatch(/email {2}at .* welcome to all contacts {2}\[cancelled\]/);

    // The day-90 email shows the client the starting point the rep recorded at the handoff.
    const kept = join(keepDir, 'outbox');
    const emls = (await readdir(kept)).filter((f) => f.endsWith('.eml'));
    const texts = await Promise.all(emls.map(async (f) => (await readOutboxMessage(join(kept, f))).text));
    expect(texts.find((t) => t.includes('avevate descritto così il vostro punto di partenza'))).toContain('«Orders typed twice, in two programs; closing the month takes three days»');
    // The progress updates say what is behind the client and what comes next, in the client's words for the phases.
    expect(texts.find((t) => t.includes('Buongiorno Marco') && t.includes('Fatto finora:'))).toMatch(/Fatto finora: “Conoscersi” .*“Si comincia” .*Che cosa viene dopo: /s);
    expect(out).toMatch(new RegExp(`Outbox .*: ${emls.length} emails`));
    expect(out).toContain(`Kept: the embedded database in ${join(keepDir, 'pglite')} and the emails in ${kept}`);
    expect(await readdir(join(keepDir, 'pglite'))).toContain('PG_VERSION');
    expect(elapsed).toBeLessThan(60_000);
    await rm(dirname(keepDir), { recursive: true, force: true });
  }, 120_000); // a fresh embedded database (initdb) and 100 days of work: slow on a busy machine
});

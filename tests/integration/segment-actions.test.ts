import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeHubSpot, type FakeData } from '../support/fake-hubspot.js';
import { fakeNoteUpdates } from '../support/fake-note-updates.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';
import { onboardDeal, postAnswer, surveyToken } from '../support/survey.js';

const at = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const onCleanUp = isolateNetwork();
const TASKS = '/crm/v3/objects/tasks/batch/create';
const COMPANIES = '/crm/v3/objects/companies/batch/update';

const deal = (name: string) => ({
  properties: { dealname: name, pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  contactIds: ['9'],
});

/** The default English playbook, with the PM's manager set as an adopter would set it. */
async function playbookWithManager(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'first100-segments-')), 'playbook.yml');
  await writeFile(file, `${await readFile('playbooks/default.en.yml', 'utf8')}\npmManager: {owner: "300"}\n`);
  return file;
}

async function setUp(data: FakeData, playbook: string) {
  const hubspot = fakeHubSpot(data);
  const noteUpdates = fakeNoteUpdates(hubspot.notes, (r) => hubspot.requests.push(r));
  const clock = { now: at };
  const server = await startServer({ clock: () => clock.now, env: { PLAYBOOK: playbook } });
  onCleanUp(async () => {
    await server.cleanUp();
    noteUpdates.stop();
    hubspot.stop();
  });
  const tasks = () => hubspot.requests.filter((r) => r.path === TASKS).flatMap((r) => r.body.inputs.map((t: any) => t.properties));
  const companies = () => hubspot.requests.filter((r) => r.path === COMPANIES).flatMap((r) => r.body.inputs.map((c: any) => c.properties.first100_segment));
  return { server, clock, tasks, companies };
}

describe('segment actions in HubSpot, from the default playbook', () => {
  it('a detractor makes the company at risk: the PM\'s manager gets an urgent retention call, once however the answer changes', async () => {
    const { server, clock, tasks, companies } = await setUp({ deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } }, await playbookWithManager());
    await onboardDeal(server, at, '42', 'activate');
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    await postAnswer(server.url, token, { score: '1' });
    await server.worker.drain();
    const retention = tasks().filter((t) => t.hs_task_subject === 'Retention: Acme is at risk, step in before they leave');
    expect(retention).toEqual([expect.objectContaining({ hubspot_owner_id: '300', hs_task_priority: 'HIGH', hs_task_type: 'CALL' })]);

    // The client changes the answer to a good one: Acme bought once, so it becomes occasional, with its own action.
    clock.now = at + 3600_000;
    await postAnswer(server.url, token, { score: '5' });
    await server.worker.drain();
    expect(tasks().filter((t) => t.hs_task_subject === 'Give Acme a reason to speak well of us')).toEqual([expect.objectContaining({ hubspot_owner_id: '200' })]);

    // And back: at risk again, but the retention call of this onboarding exists already.
    clock.now = at + 2 * 3600_000;
    await postAnswer(server.url, token, { score: '1' });
    await server.worker.drain();
    expect(companies()).toEqual(['at_risk', 'occasional', 'at_risk']);
    expect(tasks().filter((t) => t.hs_task_subject?.startsWith('Retention:'))).toHaveLength(1);
  });

  it('a second won deal with good answers makes the company loyal: the deal owner asks for a review or a referral', async () => {
    const { server, tasks, companies } = await setUp(
      { deals: { '42': deal('Acme rollout'), '43': deal('Acme extension') }, companies: { '7': 'Acme' } },
      'playbooks/default.en.yml',
    );
    await onboardDeal(server, at, '42', 'activate');
    await onboardDeal(server, at, '43', 'admit');
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    await postAnswer(server.url, token, { score: '5' });
    await server.worker.drain();
    expect(companies()).toEqual(['loyal']);
    expect(tasks().filter((t) => t.hs_task_subject === 'Acme came back and speaks well of us: ask for a review or a referral')).toEqual([
      expect.objectContaining({ hubspot_owner_id: '100' }),
    ]);
  });
});

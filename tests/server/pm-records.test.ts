import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { readOutboxMessage } from '../../src/email/outbox-reader.js';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { outboxFiles } from '../support/outbox.js';
import { serverWithHubSpot } from '../support/server-with-hubspot.js';
import { workflowCall } from '../support/workflow-calls.js';

const startAt = Date.parse('2026-12-01T09:00:00Z'); // a Tuesday
const HOUR = 3_600_000;
const onCleanUp = isolateNetwork();

/** The default English playbook, as an adopter starts with it. */
async function setUp(pmOwner: string | null = '200') {
  const data = {
    deals: { '42': { properties: { dealname: 'Acme rollout', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: pmOwner, closedate: null }, companyId: '7', contactIds: ['9'] } },
    companies: { '7': 'Acme' },
    contacts: { '9': { email: 'sam@acme.example', firstname: 'Sam', lastname: 'Carter', hs_language: 'en' } },
  };
  return { data, ...(await serverWithHubSpot(onCleanUp, data, startAt, { env: { PLAYBOOK: 'playbooks/default.en.yml' } })) };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

async function record(s: Setup, body: Record<string, unknown>) {
  const res = await cardCall(s.server.url, 'POST', '/api/cards/deals/42/records?locale=en', s.clock.now, { body: { requestId: newRequestId(), note: '', ...body }, userEmail: 'pm@studio.example' });
  return { status: res.status, json: (await res.json()) as any };
}

async function texts(s: Setup): Promise<string[]> {
  return Promise.all((await outboxFiles(s.server.dataDir)).map(async (f) => (await readOutboxMessage(f)).text));
}

const dealUpdates = (s: Setup) => s.hubspot.requests.filter((r) => r.path === '/crm/v3/objects/deals/batch/update').flatMap((r) => r.body.inputs.map((i: any) => i.properties));

/** Starts onboarding in `phase` and sends what falls due by then, so later outbox files are what the test causes. */
async function startIn(s: Setup, phase: string) {
  await workflowCall(s.server.url, 'start-onboarding', { start_phase: phase });
  await s.server.worker.drain();
}

describe('the accomplish ending, recorded by the PM on the deal card', () => {
  it('failed: the client gets a recovery message (no congratulation), the PM a recovery task; stored and written to the deal', async () => {
    const s = await setUp();
    await startIn(s, 'accomplish');
    const before = (await outboxFiles(s.server.dataDir)).length;
    const answer = await record(s, { kind: 'accomplish_outcome', value: 'failed', note: 'Integration still blocked' });
    expect(answer.status).toBe(200);
    expect(answer.json.records).toEqual([expect.objectContaining({ kind: 'accomplish_outcome', value: 'failed', label: 'Goal not achieved', by: 'pm@studio.example', note: 'Integration still blocked' })]);
    await s.server.worker.drain();
    expect(dealUpdates(s)).toContainEqual({ first100_accomplish_outcome: 'failed' });
    expect(s.hubspot.tasks.map((t) => t.properties.hs_task_subject)).toContain('Recovery plan with Acme: the goal was not reached');
    expect(s.hubspot.notes.map((n) => n.properties.hs_note_body).join('\n')).toContain('Result of the onboarding recorded by pm@studio.example</strong>: Goal not achieved');

    s.clock.now += HOUR + 1; // the ending email waits an hour, for a correction
    await s.server.worker.drain();
    const sent = (await texts(s)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('you have not yet got what you came to us for');
    expect(sent[0]).toContain('agree a recovery plan');
    expect(sent[0]).not.toMatch(/congratulat/i);
  });

  it('achieved but not satisfied, corrected from achieved within the hour: only the question about what is missing goes out', async () => {
    const s = await setUp();
    await startIn(s, 'accomplish');
    const before = (await outboxFiles(s.server.dataDir)).length;
    expect((await record(s, { kind: 'accomplish_outcome', value: 'achieved' })).status).toBe(200);
    s.clock.now += 10 * 60_000;
    expect((await record(s, { kind: 'accomplish_outcome', value: 'achieved_not_satisfied' })).status).toBe(200);
    s.clock.now += 2 * HOUR;
    await s.server.worker.drain();
    const sent = (await texts(s)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('What was missing, in the work or in working with us?');
    expect(sent[0]).not.toMatch(/congratulat/i);
    expect(s.hubspot.tasks.map((t) => t.properties.hs_task_subject)).toContain('What is missing for Acme? Goal reached, client not satisfied');
    expect(dealUpdates(s)).toContainEqual({ first100_accomplish_outcome: 'achieved_not_satisfied' });
  });

  it('achieved: the client is congratulated, and no PM task is made', async () => {
    const s = await setUp();
    await startIn(s, 'accomplish');
    const before = (await outboxFiles(s.server.dataDir)).length;
    const tasksBefore = s.hubspot.tasks.length;
    await record(s, { kind: 'accomplish_outcome', value: 'achieved' });
    s.clock.now += 2 * HOUR;
    await s.server.worker.drain();
    const sent = (await texts(s)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Goal reached: congratulations');
    expect(s.hubspot.tasks.length).toBe(tasksBefore);
  });

  it('refuses an unsigned request: records are written only through a card\'s signed hubspot.fetch', async () => {
    const s = await setUp();
    await startIn(s, 'accomplish');
    const res = await cardCall(s.server.url, 'POST', '/api/cards/deals/42/records?locale=en', s.clock.now, { body: { requestId: newRequestId(), kind: 'accomplish_outcome', value: 'achieved', note: '' }, signature: null });
    expect(res.status).toBe(401);
    expect(await s.server.db.query('SELECT 1 FROM pm_records')).toEqual([]);
  });

  it('refuses a deal that is not in onboarding, and an ending that is not one of the three', async () => {
    const s = await setUp();
    const requestId = newRequestId();
    expect((await record(s, { requestId, kind: 'accomplish_outcome', value: 'achieved' })).json.error.code).toBe('NOT_IN_ONBOARDING');
    // Refused whole: neither the record nor the request id is kept, so nothing is left behind.
    expect(await s.server.db.query('SELECT 1 FROM card_requests WHERE request_id = $1', [requestId])).toEqual([]);
    expect(await s.server.db.query('SELECT 1 FROM pm_records')).toEqual([]);
    await startIn(s, 'accomplish');
    const bad = await record(s, { kind: 'accomplish_outcome', value: 'great' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_RECORD');
  });
});

describe('the kickoff survey goes out only after a kickoff that took place', () => {
  const kickoffSurvey = (s: Setup) => s.server.db.query<{ status: string }>(`SELECT status FROM steps WHERE kind = 'email' AND step_id = 'kickoff-survey'`);

  it('waits, whatever the time, until the PM marks the kickoff held on the card; then it is sent at once', async () => {
    const s = await setUp();
    await startIn(s, 'activate');
    const before = (await outboxFiles(s.server.dataDir)).length;
    s.clock.now += 10 * 24 * HOUR; // long past any timer
    await s.server.worker.drain();
    expect((await kickoffSurvey(s))[0]!.status).toBe('pending');
    expect((await texts(s)).slice(before).filter((t) => t.includes('kickoff'))).toEqual([]);

    expect((await record(s, { kind: 'kickoff_held', value: 'held' })).status).toBe(200);
    await s.server.worker.drain();
    expect((await kickoffSurvey(s))[0]!.status).toBe('done');
    const sent = (await texts(s)).slice(before);
    expect(sent.filter((t) => t.includes('How satisfied are you with “Kickoff meeting”?'))).toHaveLength(1);
    expect(dealUpdates(s)).toContainEqual({ first100_kickoff_held_at: String(Date.UTC(2026, 11, 11)) });
  });

  it('or once the kickoff task is completed in HubSpot, seen at the next look', async () => {
    const s = await setUp();
    await startIn(s, 'activate');
    s.clock.now += 24 * HOUR;
    await s.server.worker.drain();
    expect((await kickoffSurvey(s))[0]!.status).toBe('pending');
    const kickoffTask = s.hubspot.tasks.find((t) => t.properties.hs_task_subject === 'Kickoff meeting with Acme')!;
    Object.assign(kickoffTask.properties, { hs_task_status: 'COMPLETED', hs_task_completion_date: String(s.clock.now) });
    s.clock.now += 4 * HOUR + 1;
    await s.server.worker.drain();
    expect((await kickoffSurvey(s))[0]!.status).toBe('done');
  });
});

describe('the client\'s doubt, confirmed or corrected by the PM after the reassurance call', () => {
  it('the reassurance email waits for the call (Discovery), then states the terms for the doubt the PM confirmed, in plain words', async () => {
    const s = await setUp();
    await startIn(s, 'affirm');
    const before = (await outboxFiles(s.server.dataDir)).length;
    s.clock.now += 3 * 24 * HOUR; // past its planned day: it waits for the call
    await s.server.worker.drain();
    const reassuranceStep = () => s.server.db.query<{ status: string }>(`SELECT status FROM steps WHERE kind = 'email' AND step_id = 'reassurance'`);
    expect((await reassuranceStep())[0]!.status).toBe('pending');
    const answer = await record(s, { kind: 'remorse_type', value: 'being_cheated' });
    expect(answer.json.records).toEqual([expect.objectContaining({ kind: 'remorse_type', value: 'being_cheated', label: 'Fear of being cheated' })]);
    const italian = (await (await cardCall(s.server.url, 'GET', '/api/cards/deals/42/records?locale=it', s.clock.now)).json()) as any;
    expect(italian.records[0].label).toBe('Paura di essere imbrogliato');
    expect(italian.choices.accomplish_outcome.map((c: any) => c.label)).toEqual(['Obiettivo raggiunto', 'Obiettivo non raggiunto', 'Raggiunto, ma il cliente non è soddisfatto']);
    await s.server.worker.drain();
    expect(dealUpdates(s)).toContainEqual({ first100_remorse_type: 'being_cheated' });
    expect((await reassuranceStep())[0]!.status).toBe('done'); // sent at once, now that the doubt is known
    const [reassurance] = (await texts(s)).slice(before).filter((t) => t.includes('in good company') || t.includes('plain words'));
    expect(reassurance).toContain('Here is what you get after the purchase, in plain words.');
    expect(reassurance).toContain('support by email and phone is included at no extra cost for the first 12 months');
    expect(reassurance).not.toMatch(/contract|agreement you signed|terms you signed/i);
  });
});

describe('the PM introduction, from the rep who closed', () => {
  const owners = () =>
    nock('https://api.hubapi.com')
      .get('/crm/v3/owners/200')
      .reply(200, { id: '200', email: 'giulia.verdi@studio.example', firstName: 'Giulia', lastName: 'Verdi', archived: false })
      .get('/crm/v3/owners/100')
      .reply(200, { id: '100', email: 'marco.rossi@studio.example', firstName: 'Marco', lastName: 'Rossi', archived: false });

  it('names the PM with their email, read from HubSpot\'s owners when the email is prepared, and is signed by the rep', async () => {
    const s = await setUp('200');
    const read = owners();
    await startIn(s, 'admit');
    s.clock.now += 24 * HOUR; // day 0's emails go at the next due slot (09:00, Europe/Rome)
    await s.server.worker.drain();
    expect(read.isDone()).toBe(true);
    const intro = (await texts(s)).find((t) => t.includes('Meet Giulia Verdi'));
    expect(intro).toContain('from now on Giulia Verdi is your project manager for Acme rollout');
    expect(intro).toContain('Their email address is giulia.verdi@studio.example.');
    expect(intro).toMatch(/^Marco Rossi, \S/m); // signed by the rep who closed
  });

  it('waits while the deal has no PM, and goes once one is set', async () => {
    const s = await setUp(null);
    await startIn(s, 'admit');
    s.clock.now += 24 * HOUR;
    await s.server.worker.drain();
    const intro = () => s.server.db.query<{ status: string }>(`SELECT status FROM steps WHERE kind = 'email' AND step_id = 'pm-introduction'`);
    expect((await intro())[0]!.status).toBe('pending');
    expect(s.hubspot.requests.filter((r) => r.path.startsWith('/crm/v3/owners'))).toEqual([]);
    const read = owners();
    s.data.deals['42'].properties.first100_pm_owner = '200'; // set in HubSpot, by hand or by a workflow
    s.clock.now += 4 * HOUR + 1;
    await s.server.worker.drain();
    expect(read.isDone()).toBe(true);
    expect((await intro())[0]!.status).toBe('done');
    expect((await texts(s)).some((t) => t.includes('Meet Giulia Verdi'))).toBe(true);
  });
});


import { describe, expect, it } from 'vitest';
import { cardCall, newRequestId } from '../support/card-requests.js';
import { deliver, stageEvent } from '../support/deliveries.js';
import { fakeHubSpot, type FakeDeal } from '../support/fake-hubspot.js';
import { HANDOFF_GATE_PLAYBOOK_PATH } from '../support/playbook.js';
import { startServer } from '../support/start-server.js';
import { isolateNetwork } from '../support/isolate-network.js';

const wonAt = Date.parse('2026-12-04T14:00:00Z');
const SALES = { userId: '1001', userEmail: 'rep@acme.example' };
const PM = { userId: '2002', userEmail: 'pm@acme.example' };
const acme: FakeDeal = {
  properties: { dealname: 'Acme renewal', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId: '7',
  contactIds: ['9'],
};
const FILLED = {
  goals: { goals: 'Close the books in 3 days' },
  success_criteria: { success_criteria: 'March close done in 3 days' },
  stakeholders: { stakeholders: 'CFO decides, two accountants use it' },
  promises: { promises: 'Go-live before 31 March; two trainings included' },
  fears: { remorse_type: 'capability', fears_notes: 'The team doubts it can learn a new tool during closing' },
  channel: { channel: 'video_call', cadence: 'weekly' },
  risks: { risks: 'Year-end audit in February' },
  kickoff_date: { kickoff_date: '2026-12-14' },
};
const REQUIRED = ['goals', 'success_criteria', 'stakeholders', 'promises', 'fears', 'channel', 'risks', 'kickoff_date'];

const onCleanUp = isolateNetwork();

async function setUp(env: Record<string, string> = {}) {
  const hubspot = fakeHubSpot({ deals: { '42': acme }, companies: { '7': 'Acme' } });
  const clock = { now: wonAt + 5000 };
  const server = await startServer({ clock: () => clock.now, env });
  onCleanUp(async () => {
    await server.cleanUp();
    hubspot.stop();
  });
  const handoff = (who: typeof SALES, body: Record<string, unknown>) =>
    cardCall(server.url, 'POST', '/api/cards/deals/42/handoff', clock.now, { ...who, body: { requestId: newRequestId(), ...body } });
  return { hubspot, server, clock, handoff };
}

describe('the handoff checklist through the card API', () => {
  it('sales submits, the PM accepts every item: the deal gets the handoff properties and a note', async () => {
    const { hubspot, server, handoff } = await setUp();
    const submitted = await handoff(SALES, { action: 'submit', values: FILLED });
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ status: 'submitted', completeness: 0, submittedBy: 'rep@acme.example' });

    const accepted = await handoff(PM, { action: 'accept', items: REQUIRED });
    expect(accepted.status).toBe(200);
    const view = await accepted.json();
    expect(view).toMatchObject({ status: 'accepted', completeness: 100, acceptedBy: 'pm@acme.example' });
    expect(view.history.map((h: any) => [h.action, h.by])).toEqual([
      ['accept', 'pm@acme.example'],
      ['submit', 'rep@acme.example'],
    ]);

    await server.worker.drain();
    const updates = hubspot.callsTo('/crm/v3/objects/deals/batch/update').flatMap((c) => c.body.inputs);
    expect(updates.at(-1)).toEqual({
      id: '42',
      properties: expect.objectContaining({
        first100_handoff_status: 'accepted',
        first100_handoff_completeness: '100',
        first100_handoff_goals: 'Close the books in 3 days',
        first100_handoff_remorse_type: 'capability',
        first100_handoff_channel: 'video_call',
        first100_handoff_cadence: 'weekly',
        first100_handoff_kickoff_date: '2026-12-14',
        first100_handoff_relationship: '',
      }),
    });
    expect(hubspot.notes.map((n) => n.properties.hs_note_body!.match(/<strong>([^<]+)<\/strong>/)![1])).toEqual([
      'Handoff submitted by rep@acme.example',
      'Handoff accepted by pm@acme.example',
    ]);
    const note = hubspot.notes[1]!;
    expect(note.associations).toEqual([{ to: { id: '42' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] }]);
    expect(note.properties.hs_note_body).toContain('Go-live before 31 March; two trainings included');
    expect(note.properties.hs_timestamp).toBe(new Date(wonAt + 5000).toISOString());
  });

  it('the same accept sent twice (HubSpot retries once on 5xx) has one effect', async () => {
    const { hubspot, server, clock, handoff } = await setUp();
    await handoff(SALES, { action: 'submit', values: FILLED });
    await server.worker.drain();
    const notesBefore = hubspot.notes.length;
    const updatesBefore = hubspot.callsTo('/crm/v3/objects/deals/batch/update').length;

    const body = { requestId: newRequestId(), action: 'accept', items: REQUIRED };
    const first = await cardCall(server.url, 'POST', '/api/cards/deals/42/handoff', clock.now, { ...PM, body });
    const again = await cardCall(server.url, 'POST', '/api/cards/deals/42/handoff', clock.now, { ...PM, body });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect((await again.json()).status).toBe('accepted');
    await server.worker.drain();

    const events = await server.db.query<{ action: string }>(`SELECT action FROM handoff_events WHERE action = 'accept'`);
    expect(events).toHaveLength(1);
    expect(hubspot.notes.length - notesBefore).toBe(1);
    expect(hubspot.callsTo('/crm/v3/objects/deals/batch/update').length - updatesBefore).toBe(1);
  });

  it('refuses a request id reused for a different action', async () => {
    const { server, clock } = await setUp();
    const requestId = newRequestId();
    await cardCall(server.url, 'POST', '/api/cards/deals/42/handoff', clock.now, { ...SALES, body: { requestId, action: 'save', values: { goals: FILLED.goals } } });
    const res = await cardCall(server.url, 'POST', '/api/cards/deals/42/handoff', clock.now, { ...SALES, body: { requestId, action: 'submit' } });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('REQUEST_ID_REUSED');
  });

  it('the PM asks a question back; sales answers and resubmits; the PM accepts', async () => {
    const { hubspot, server, handoff } = await setUp();
    await handoff(SALES, { action: 'submit', values: FILLED });
    await handoff(PM, { action: 'accept', items: REQUIRED.filter((k) => k !== 'promises') });
    const asked = await handoff(PM, { action: 'ask', item: 'promises', text: 'Which two trainings, on site or remote?' });
    expect(asked.status).toBe(200);
    const askedView = await asked.json();
    expect(askedView).toMatchObject({ status: 'changes_requested', completeness: 88 });
    expect(askedView.items.find((i: any) => i.key === 'promises')).toMatchObject({
      status: 'question',
      thread: [{ kind: 'question', by: 'pm@acme.example', text: 'Which two trainings, on site or remote?' }],
    });

    const early = await handoff(SALES, { action: 'submit' });
    expect(early.status).toBe(422);
    expect((await early.json()).error).toMatchObject({ code: 'HANDOFF_OPEN_QUESTIONS', details: { items: ['promises'] } });

    const answered = await handoff(SALES, {
      action: 'submit',
      values: { promises: { promises: 'Go-live before 31 March; two remote trainings' } },
      answers: { promises: 'Both remote, two hours each' },
    });
    expect(answered.status).toBe(200);
    expect((await answered.json()).status).toBe('submitted');
    const done = await (await handoff(PM, { action: 'accept', items: ['promises'] })).json();
    expect(done).toMatchObject({ status: 'accepted', completeness: 100 });

    await server.worker.drain();
    const titles = hubspot.notes.map((n) => n.properties.hs_note_body!.match(/<strong>([^<]+)<\/strong>/)![1]);
    expect(titles).toEqual([
      'Handoff submitted by rep@acme.example',
      'Question on the handoff from pm@acme.example',
      'Handoff submitted by rep@acme.example',
      'Handoff accepted by pm@acme.example',
    ]);
    expect(hubspot.notes[1]!.properties.hs_note_body).toContain('Promises made during the sale: Which two trainings, on site or remote?');
  });

  it('refuses to let the person who submitted accept their own handoff', async () => {
    const { handoff } = await setUp();
    await handoff(SALES, { action: 'submit', values: FILLED });
    const res = await handoff(SALES, { action: 'accept', items: ['goals'] });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('HANDOFF_SELF_REVIEW');
  });

  it('refuses to submit with required items missing, naming them', async () => {
    const { handoff } = await setUp();
    const res = await handoff(SALES, { action: 'submit', values: { goals: FILLED.goals } });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details.items).toEqual(REQUIRED.filter((k) => k !== 'goals'));
  });

  it('an accepted handoff moves a deal waiting in affirm on to activate, as the playbook says', async () => {
    const { hubspot, server, clock, handoff } = await setUp({ PLAYBOOK: HANDOFF_GATE_PLAYBOOK_PATH });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = Date.parse('2026-12-07T08:00:00Z'); // the timed advance to affirm
    await server.worker.drain();
    expect((await (await cardCall(server.url, 'GET', '/api/cards/deals/42', clock.now)).json()).onboarding.phase).toBe('affirm');

    await handoff(SALES, { action: 'submit', values: FILLED });
    await handoff(PM, { action: 'accept', items: REQUIRED });
    await server.worker.drain();

    const card = await (await cardCall(server.url, 'GET', '/api/cards/deals/42', clock.now)).json();
    expect(card.onboarding.phase).toBe('activate');
    const [entry] = await server.db.query<{ cause: string }>(`SELECT cause FROM phase_entries WHERE phase = 'activate'`);
    expect(entry!.cause).toBe('handoff accepted');
    const phases = hubspot.callsTo('/crm/v3/objects/deals/batch/update').map((c) => c.body.inputs[0].properties.first100_phase).filter(Boolean);
    expect(phases).toEqual(['admit', 'affirm', 'activate']);
  });

  it('a deal entering affirm with its handoff already accepted moves straight on', async () => {
    const { server, clock, handoff } = await setUp({ PLAYBOOK: HANDOFF_GATE_PLAYBOOK_PATH });
    await handoff(SALES, { action: 'submit', values: FILLED });
    await handoff(PM, { action: 'accept', items: REQUIRED });
    await deliver(server.url, [stageEvent('42', 'closedwon', wonAt)], clock.now);
    await server.worker.drain();
    clock.now = Date.parse('2026-12-07T08:00:00Z');
    await server.worker.drain();
    const entries = await server.db.query<{ phase: string; cause: string }>('SELECT phase, cause FROM phase_entries ORDER BY entered_at, id');
    expect(entries.map((e) => e.phase)).toEqual(['admit', 'affirm', 'activate']);
    expect(entries[2]!.cause).toBe('handoff accepted');
  });
});

import { describe, expect, it } from 'vitest';
import { readTimeline } from '../../src/store/timeline-store.js';
import { fakeHubSpot, type FakeData } from '../support/fake-hubspot.js';
import { fakeNoteUpdates } from '../support/fake-note-updates.js';
import { isolateNetwork } from '../support/isolate-network.js';
import { startServer } from '../support/start-server.js';
import { onboardDeal, postAnswer, surveyToken } from '../support/survey.js';

const at = Date.parse('2026-12-04T14:00:00Z'); // Friday 15:00 in Rome
const onCleanUp = isolateNetwork();

const deal = (name: string, companyId = '7') => ({
  properties: { dealname: name, pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '100', first100_pm_owner: '200', closedate: null },
  companyId,
  contactIds: ['9'],
});

async function setUp(data: FakeData, env: Record<string, string> = {}, hubspotTimeoutMs?: number) {
  const hubspot = fakeHubSpot(data);
  const noteUpdates = fakeNoteUpdates(hubspot.notes, (r) => hubspot.requests.push(r));
  const clock = { now: at };
  const server = await startServer({ clock: () => clock.now, env, ...(hubspotTimeoutMs ? { hubspotTimeoutMs } : {}) });
  onCleanUp(async () => {
    await server.cleanUp();
    noteUpdates.stop();
    hubspot.stop();
  });
  /** Only what HubSpot received from here on. */
  const since = () => {
    const from = hubspot.requests.length;
    return (path: string) => hubspot.requests.slice(from).filter((r) => r.path === path).map((r) => r.body);
  };
  return { hubspot, server, clock, since };
}

const NOTES = '/crm/v3/objects/notes/batch/create';
const NOTE_UPDATES = '/crm/v3/objects/notes/batch/update';
const DEALS = '/crm/v3/objects/deals/batch/update';
const COMPANIES = '/crm/v3/objects/companies/batch/update';
const TASKS = '/crm/v3/objects/tasks/batch/create';
const assoc = (id: string, typeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] });

describe('a detractor\'s answer in HubSpot', () => {
  it('notes it on the deal and the company, marks both at risk, and gives the PM an urgent call due the next business day', async () => {
    const { server, since } = await setUp({ deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } });
    await onboardDeal(server, at, '42', 'activate');
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    const sent = since();

    expect((await postAnswer(server.url, token, { score: '2', comment: 'The kickoff started late & nobody knew the agenda' })).status).toBe(200);
    await server.worker.drain();

    expect(sent(NOTES)).toEqual([
      {
        inputs: [
          {
            properties: {
              hs_timestamp: '2026-12-04T14:00:00.000Z',
              hs_note_body: expect.stringMatching(
                /^<p><strong>Client feedback: CSAT 2\/5<\/strong> \(detractor\)<\/p><p>Touchpoint: Kickoff meeting<\/p><p>Comment: The kickoff started late &amp; nobody knew the agenda<\/p><p>first100 ref [0-9a-f]{16}<\/p>$/,
              ),
            },
            associations: [assoc('42', 214), assoc('7', 190)],
          },
        ],
      },
    ]);
    expect(sent(DEALS)).toEqual([
      { inputs: [{ id: '42', properties: { first100_last_feedback_score: '2', first100_last_feedback_at: '2026-12-04T14:00:00.000Z', first100_last_csat: '2', first100_last_csat_at: '2026-12-04T14:00:00.000Z', first100_health: 'at_risk', first100_health_reasons: 'detractor answer: CSAT 2 on 2026-12-04' } }] },
    ]);
    expect(sent(COMPANIES)).toEqual([{ inputs: [{ id: '7', properties: { first100_health: 'at_risk', first100_segment: 'at_risk' } }] }]);
    expect(sent(TASKS)).toEqual([
      {
        inputs: [
          {
            properties: {
              hs_timestamp: '2026-12-07T08:00:00.000Z', // Monday 09:00 in Rome: the next business day
              hs_task_subject: 'Call back an unhappy client: CSAT 2/5 about Kickoff meeting',
              hs_task_body: expect.stringMatching(
                /^The client answered CSAT 2\/5 about "Kickoff meeting"\.\nComment: The kickoff started late &amp; nobody knew the agenda\nCall them within a business day: .+\n\nfirst100 ref [0-9a-f]{16}$/,
              ),
              hs_task_status: 'NOT_STARTED',
              hs_task_priority: 'HIGH',
              hs_task_type: 'CALL',
              hubspot_owner_id: '200',
            },
            associations: [assoc('42', 216), assoc('7', 192), assoc('9', 204)],
          },
        ],
      },
    ]);
    const [signals] = await server.db.query<{ last_feedback: any; silent_since: unknown; company_id: string }>(
      "SELECT last_feedback, silent_since, company_id FROM deal_onboarding WHERE deal_id = '42'",
    );
    expect(signals).toMatchObject({ last_feedback: { kind: 'CSAT', score: 2, touchpoint: 'Kickoff meeting', at: at }, silent_since: null, company_id: '7' });
  });

  it('a change within 24 hours updates the answer\'s note and re-derives health, and the PM\'s task is created once per request', async () => {
    const { server, clock, since, hubspot } = await setUp({ deals: { '42': deal('Acme rollout'), '43': deal('Acme extension') }, companies: { '7': 'Acme' } });
    await onboardDeal(server, at, '42', 'activate');
    await onboardDeal(server, at, '43', 'activate');
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    await postAnswer(server.url, token, { score: '1' });
    await server.worker.drain();

    clock.now = at + 2 * 3600_000;
    const sent = since();
    await postAnswer(server.url, token, { score: '5', comment: 'They called and fixed it' });
    await server.worker.drain();
    expect(sent(NOTES)).toEqual([]);
    const [note] = hubspot.notes.filter((n) => n.properties.hs_note_body?.includes('Client feedback'));
    expect(sent(NOTE_UPDATES)).toEqual([{ inputs: [{ id: note!.id, properties: { hs_note_body: expect.stringMatching(
      /^<p><strong>Client feedback changed: CSAT 1 → 5\/5<\/strong> \(positive\)<\/p><p>Touchpoint: Kickoff meeting<\/p><p>Comment: They called and fixed it<\/p><p>first100 ref [0-9a-f]{16}<\/p>$/,
    ) } }] }]);
    expect(note!.properties.hs_note_body).toBe(sent(NOTE_UPDATES)[0].inputs[0].properties.hs_note_body);
    expect(sent(DEALS)).toEqual([{ inputs: [{ id: '42', properties: { first100_last_feedback_score: '5', first100_last_feedback_at: '2026-12-04T16:00:00.000Z', first100_last_csat: '5', first100_last_csat_at: '2026-12-04T16:00:00.000Z', first100_health: 'on_track', first100_health_reasons: '' } }] }]);
    // Two won deals (42 and 43), and deal 43 has no answer yet and is not silent: the company bought again and its
    // answers are all positive, so it is loyal.
    expect(sent(COMPANIES)).toEqual([{ inputs: [{ id: '7', properties: { first100_health: 'on_track', first100_segment: 'loyal' } }] }]);
    expect(sent(TASKS)).toEqual([]);

    clock.now = at + 3 * 3600_000;
    await postAnswer(server.url, token, { score: '2' });
    await server.worker.drain();
    const followUps = hubspot.tasks.filter((t) => t.properties.hs_task_subject?.startsWith('Call back an unhappy client'));
    expect(followUps).toHaveLength(1);
    expect(hubspot.notes.filter((n) => n.properties.hs_note_body?.includes('Client feedback'))).toHaveLength(1);
  });
});

describe('an answer changed again and again within its 24 hours', () => {
  it('writes one note, updated to the latest answer, and HubSpot updates only when the score or its tone changed', async () => {
    const { server, clock, since, hubspot } = await setUp({ deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } });
    await onboardDeal(server, at, '42', 'activate');
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    const sent = since();
    const answer = async (hours: number, score: string, comment: string, drain = true) => {
      clock.now = at + hours * 3600_000;
      expect((await postAnswer(server.url, token, { score, comment })).status).toBe(200);
      if (drain) await server.worker.drain();
    };
    const feedbackNotes = () => hubspot.notes.filter((n) => n.properties.hs_note_body?.includes('Client feedback'));
    const counts = () => [NOTES, NOTE_UPDATES, DEALS, COMPANIES].map((path) => sent(path).length);

    await answer(0, '2', 'Late kickoff');
    expect(counts()).toEqual([1, 0, 1, 1]);
    await answer(1, '2', 'Late kickoff, and no agenda'); // the words change, the score does not
    expect(counts()).toEqual([1, 1, 1, 1]);
    await answer(2, '1', 'Late kickoff, and no agenda'); // a lower score, the same tone: the deal changes, the company does not
    expect(counts()).toEqual([1, 2, 2, 1]);
    await answer(3, '1', 'They called back');
    expect(counts()).toEqual([1, 3, 2, 1]);
    await answer(4, '4', 'Fixed', false); // two changes before the worker runs: written once, the latest
    await answer(4.1, '5', 'Fixed for good');
    expect(counts()).toEqual([1, 4, 3, 2]);

    expect(feedbackNotes()).toHaveLength(1);
    expect(feedbackNotes()[0]!.properties.hs_note_body).toMatch(/^<p><strong>Client feedback changed: CSAT 4 → 5\/5<\/strong> \(positive\)<\/p><p>Touchpoint: Kickoff meeting<\/p><p>Comment: Fixed for good<\/p><p>first100 ref [0-9a-f]{16}<\/p>$/);
    // The health is written when it changes: at risk stays at risk from 2 to 1 (only its reason's score moves).
    expect(sent(DEALS).map((b) => b.inputs.map((i: any) => [i.properties.first100_last_feedback_score, i.properties.first100_last_csat, i.properties.first100_health, i.properties.first100_health_reasons]))).toEqual([
      [['2', '2', 'at_risk', 'detractor answer: CSAT 2 on 2026-12-04']],
      [['1', '1', undefined, 'detractor answer: CSAT 1 on 2026-12-04']],
      [['5', '5', 'on_track', '']],
    ]);
    expect(sent(COMPANIES).map((b) => b.inputs[0].properties.first100_health)).toEqual(['at_risk', 'on_track']);
    expect(hubspot.tasks.filter((t) => t.properties.hs_task_subject?.startsWith('Call back an unhappy client'))).toHaveLength(1);
    const steps = await server.db.query<{ kind: string; status: string }>("SELECT kind, status FROM steps WHERE kind IN ('note', 'note-update') AND effect_key LIKE '42:feedback:%'");
    expect(steps).toEqual([{ kind: 'note', status: 'done' }, { kind: 'note-update', status: 'done' }]);
  });

  it('a change before the note is sent rewrites it: one note created with the latest words, none updated', async () => {
    const { server, clock, since, hubspot } = await setUp({ deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } });
    await onboardDeal(server, at, '42', 'activate');
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    const sent = since();
    await postAnswer(server.url, token, { score: '3', comment: 'OK' });
    clock.now = at + 60_000;
    await postAnswer(server.url, token, { score: '3', comment: 'OK, but the agenda came late' });
    await server.worker.drain();
    expect(sent(NOTE_UPDATES)).toEqual([]);
    expect(sent(NOTES).flatMap((b) => b.inputs.map((i: any) => i.properties.hs_note_body))).toEqual([expect.stringContaining('Comment: OK, but the agenda came late</p>')]);
    expect(sent(DEALS)).toHaveLength(1);
    expect(hubspot.notes.filter((n) => n.properties.hs_note_body?.includes('Client feedback'))).toHaveLength(1);
  });

  it('a change while the note\'s creation is in doubt waits until the note is found, then updates it', { timeout: 60_000 }, async () => {
    const { server, clock, since, hubspot } = await setUp({ deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } }, {}, 300);
    await onboardDeal(server, at, '42', 'activate');
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    const sent = since();
    hubspot.answerTooLate(NOTES); // created in HubSpot, answered past the timeout: the note step stays in doubt
    await postAnswer(server.url, token, { score: '2', comment: 'Slow' });
    await server.worker.drain();
    clock.now = at + 1000; // before the note's look-up is due
    await postAnswer(server.url, token, { score: '2', comment: 'Slow, and nobody called' });
    await server.worker.drain(); // the update waits: its note's id is not known yet
    expect(sent(NOTE_UPDATES)).toEqual([]);
    expect(await server.db.query("SELECT status, attempts FROM steps WHERE kind = 'note-update'")).toEqual([{ status: 'pending', attempts: 0 }]);
    clock.now = at + 10 * 60_000;
    await server.worker.drain();

    expect(sent(NOTES)).toHaveLength(1); // found by its marker, not created again
    expect(sent(NOTE_UPDATES)).toHaveLength(1);
    const notes = hubspot.notes.filter((n) => n.properties.hs_note_body?.includes('Client feedback'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.properties.hs_note_body).toContain('Comment: Slow, and nobody called</p>');
  });
});

describe('an update of a note someone deleted in HubSpot', () => {
  it('is refused for that note alone (207): the step keeps HubSpot\'s reason and is not marked done', async () => {
    const { server, clock, since, hubspot } = await setUp({ deals: { '42': deal('Acme rollout'), '43': deal('Acme extension') }, companies: { '7': 'Acme' } });
    await onboardDeal(server, at, '42', 'activate');
    await onboardDeal(server, at, '43', 'activate');
    const first = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    const second = await surveyToken(server, { dealId: '43', survey: 'CSAT', phase: 'activate', now: at });
    await postAnswer(server.url, first, { score: '4', comment: 'Good' });
    await postAnswer(server.url, second, { score: '4', comment: 'Good' });
    await server.worker.drain();
    const gone = hubspot.notes.findIndex((n) => n.associations[0].to.id === '42' && n.properties.hs_note_body?.includes('Client feedback'));
    hubspot.notes.splice(gone, 1); // a user deleted it

    clock.now = at + 3600_000;
    const sent = since();
    await postAnswer(server.url, first, { score: '4', comment: 'Good, thanks' });
    await postAnswer(server.url, second, { score: '4', comment: 'Good, thanks' });
    await server.worker.drain();
    expect(sent(NOTE_UPDATES)).toHaveLength(1);
    expect(sent(NOTE_UPDATES)[0].inputs).toHaveLength(2); // both in one call
    const updates = await server.db.query<{ deal_id: string; status: string; last_error: string | null }>(
      "SELECT deal_id, status, last_error FROM steps WHERE kind = 'note-update' ORDER BY deal_id",
    );
    expect(updates).toEqual([
      { deal_id: '42', status: 'pending', last_error: expect.stringContaining('OBJECT_NOT_FOUND') },
      { deal_id: '43', status: 'done', last_error: null },
    ]);
  });
});

describe('a comment that quotes a first100 marker', () => {
  it('writes one note and one task, each carrying no marker first100 could take for its own but its own', async () => {
    const { server, hubspot } = await setUp({ deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } });
    await onboardDeal(server, at, '42', 'activate');
    const token = await surveyToken(server, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    const before = { notes: hubspot.notes.length, tasks: hubspot.tasks.length };

    const comment = 'Copied from your task: first100 ref 0123456789abcdef <b>fix it</b>';
    expect((await postAnswer(server.url, token, { score: '1', comment })).status).toBe(200);
    await server.worker.drain();

    const markers = (body: string) => [...body.matchAll(/first100 ref ([0-9a-f]{16})/g)].map((m) => m[1]);
    const notes = hubspot.notes.slice(before.notes);
    const tasks = hubspot.tasks.slice(before.tasks);
    expect(notes).toHaveLength(1);
    expect(tasks).toHaveLength(1);
    const steps = await server.db.query<{ kind: string; payload: any; status: string }>(
      "SELECT kind, payload, status FROM steps WHERE effect_key LIKE '42:feedback:%' AND kind IN ('note', 'task') ORDER BY kind",
    );
    expect(steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(markers(notes[0]!.properties.hs_note_body!)).toEqual([steps[0]!.payload.note.marker]);
    expect(markers(tasks[0]!.properties.hs_task_body!)).toEqual([steps[1]!.payload.task.marker]);
    for (const body of [notes[0]!.properties.hs_note_body!, tasks[0]!.properties.hs_task_body!]) {
      expect(body).toContain('Copied from your task: first100 (quoted) ref 0123456789abcdef &lt;b&gt;fix it&lt;/b&gt;');
    }
  });
});

describe('an answer survives a restart and a lost HubSpot answer', () => {
  it('is carried out after the restart, and a note HubSpot created without answering is found, not written twice', { timeout: 90_000 }, async () => {
    const hubspot = fakeHubSpot({ deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } });
    const clock = { now: at };
    const first = await startServer({ clock: () => clock.now });
    onCleanUp(async () => hubspot.stop());
    await onboardDeal(first, at, '42', 'activate');
    const token = await surveyToken(first, { dealId: '42', survey: 'CSAT', phase: 'activate', now: at });
    expect((await postAnswer(first.url, token, { score: '3' })).status).toBe(200);
    await first.stop(); // before the worker ran: the answer and its steps are all that is left

    const second = await startServer({ dataDir: first.dataDir, clock: () => clock.now, hubspotTimeoutMs: 300 });
    onCleanUp(() => second.cleanUp());
    const before = hubspot.requests.length;
    hubspot.answerTooLate(NOTES);
    hubspot.failNext(COMPANIES, 503);
    hubspot.failNext(COMPANIES, 503);
    hubspot.failNext(COMPANIES, 503);
    await second.worker.drain();
    clock.now += 10 * 60_000;
    await second.worker.drain();

    const sent = (path: string) => hubspot.requests.slice(before).filter((r) => r.path === path);
    expect(sent(NOTES)).toHaveLength(1);
    expect(sent('/crm/v3/objects/notes/search')).toHaveLength(1);
    expect(hubspot.notes.filter((n) => n.properties.hs_note_body?.includes('Client feedback: CSAT 3/5'))).toHaveLength(1);
    expect(sent(COMPANIES).at(-1)!.body).toEqual({ inputs: [{ id: '7', properties: { first100_health: 'needs_attention', first100_segment: 'occasional' } }] });
    const steps = await second.db.query<{ kind: string; status: string }>("SELECT kind, status FROM steps WHERE effect_key LIKE '42:feedback:%' ORDER BY id");
    expect(steps).toEqual([
      { kind: 'note', status: 'done' },
      { kind: 'deal-update', status: 'done' },
      { kind: 'company-update', status: 'done' },
    ]);
  });
});

describe('a promoter\'s answer in HubSpot', () => {
  it('in accomplish: moves the deal to advocate through a phase entry, which plans the referral ask', async () => {
    const { server, since } = await setUp(
      { deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } },
      { PLAYBOOK: 'playbooks/default.en.yml' },
    );
    await onboardDeal(server, at, '42', 'accomplish');
    const token = await surveyToken(server, { dealId: '42', survey: 'NPS', phase: 'accomplish', touchpoint: 'Delivery of the agreed result', now: at });
    const sent = since();
    expect((await postAnswer(server.url, token, { score: '10', comment: 'Exactly what we needed' })).status).toBe(200);
    await server.worker.drain();

    expect(sent(DEALS).flatMap((b) => b.inputs)).toEqual([
      // Already on track: the answer changes no health property.
      { id: '42', properties: { first100_last_feedback_score: '10', first100_last_feedback_at: '2026-12-04T14:00:00.000Z', first100_last_nps: '10', first100_last_nps_at: '2026-12-04T14:00:00.000Z' } },
      // Past the last phase with an expected time (accomplish), there is no go-live left to project.
      { id: '42', properties: { first100_phase: 'advocate', first100_phase_entered_at: '2026-12-04T14:00:00.000Z', first100_day_zero: '2026-12-04', first100_projected_go_live: '', first100_slip_business_days: '' } },
    ]);
    // A promoter, but Acme bought once: occasional, not loyal (a second purchase makes loyalty, not a first smile).
    expect(sent(COMPANIES)).toEqual([{ inputs: [{ id: '7', properties: { first100_health: 'on_track', first100_segment: 'occasional' } }] }]);
    expect(sent(TASKS).flatMap((b) => b.inputs.map((t: any) => t.properties.hs_task_subject))).toContain('Ask Acme for a referral or a review');

    const advocate = (await readTimeline(server.db, ['42'])).at(-1)!;
    expect(advocate).toMatchObject({ phase: 'advocate', fromPhase: 'accomplish', cause: 'promoter feedback (NPS 10/10 on Delivery of the agreed result)' });
    expect(advocate.steps).toContainEqual(expect.objectContaining({ kind: 'email', stepId: 'referral-ask', status: 'pending' }));
  });

  it('in an earlier phase: records the answer and leaves the phase alone', async () => {
    const { server, since } = await setUp({ deals: { '42': deal('Acme rollout') }, companies: { '7': 'Acme' } });
    await onboardDeal(server, at, '42', 'activate');
    const token = await surveyToken(server, { dealId: '42', survey: 'NPS', phase: 'activate', now: at });
    const sent = since();
    await postAnswer(server.url, token, { score: '9' });
    await server.worker.drain();
    expect(sent(DEALS)).toEqual([{ inputs: [{ id: '42', properties: { first100_last_feedback_score: '9', first100_last_feedback_at: '2026-12-04T14:00:00.000Z', first100_last_nps: '9', first100_last_nps_at: '2026-12-04T14:00:00.000Z' } }] }]);
    expect(sent(TASKS)).toEqual([]);
    expect((await readTimeline(server.db, ['42'])).at(-1)!.phase).toBe('activate');
  });
});

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Running } from '../boot.js';
import { checkpointStart } from '../domain/plan-checkpoint.js';
import { readOutboxMessage, surveyLinksIn } from '../email/outbox-reader.js';
import { runTick } from '../jobs/schedules/scheduled-job.js';
import { postCardCall } from './post-card-call.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface HundredDays {
  running: Running;
  clock: { now: number };
  secret: string;
  publicBaseUrl: string;
  portalId: string;
  dealId: string;
  /** The deal's contact who answers the surveys (the others leave them unanswered, as clients do). */
  answeringContactEmail: string;
  repUserId: string;
  pmUserId: string;
  print: (line: string) => void;
}

/** The scores the client gives, survey after survey, in the order the surveys reach them. */
const ANSWERS: Record<string, number[]> = { CSAT: [5], CES: [2], NPS: [8, 10] };

interface Scripted {
  at: number;
  what: string;
  run: () => Promise<void>;
}

/**
 * Walks one deal through its first 100 days on the real server: the handoff filled, submitted and accepted through
 * the card API, the clock moved from one due step to the next, the scheduled sweeps ticking (checkpoints on the
 * days they begin, silence every week), the PM moving the phase where the playbook leaves it to them, and the client answering
 * the surveys that reach them. Everything else is what the playbook plans.
 */
export async function walkHundredDays(h: HundredDays): Promise<void> {
  const { running, clock, print } = h;
  const { engine } = running;
  const dayZero = await dayZeroOf(h);
  const dayAt = (day: number, hour: number) => checkpointStart(dayZero, day, engine.playbook.timezone) + hour * HOUR;
  const card = async (userId: string, path: string, body: unknown) => {
    const res = await postCardCall({ serverUrl: running.url, publicBaseUrl: h.publicBaseUrl, secret: h.secret, portalId: h.portalId, userId, path, body, timestamp: clock.now });
    if (!res.ok) throw new Error(`the card API refused ${path} (${res.status}): ${await res.text()}`);
  };
  const handoff = `/api/cards/deals/${h.dealId}/handoff`;
  const records = `/api/cards/deals/${h.dealId}/records`;
  let request = 0;
  const requestId = () => `demo-${h.dealId}-${(request += 1)}`;
  const scripted: Scripted[] = [
    {
      at: dayAt(1, 15),
      what: `the rep (user ${h.repUserId}) fills the handoff checklist, with where the client starts today, and submits it`,
      run: () => card(h.repUserId, handoff, { action: 'submit', requestId: requestId(), values: HANDOFF_VALUES }),
    },
    {
      at: dayAt(2, 10),
      what: `the PM (user ${h.pmUserId}) accepts every item of the handoff`,
      run: () => card(h.pmUserId, handoff, { action: 'accept', requestId: requestId(), items: Object.keys(HANDOFF_VALUES) }),
    },
    {
      at: dayAt(4, 10),
      what: 'after the reassurance call, the PM confirms on the card the doubt sales recorded: can we really make it work?',
      run: () => card(h.pmUserId, records, { requestId: requestId(), kind: 'remorse_type', value: 'capability', note: 'They worry about the busy season' }),
    },
    {
      at: dayAt(6, 17),
      what: 'the PM marks the kickoff held on the card',
      run: () => card(h.pmUserId, records, { requestId: requestId(), kind: 'kickoff_held', value: 'held', note: '' }),
    },
    {
      at: dayAt(60, 11),
      what: 'the PM moves the deal on: the agreed work is delivered',
      run: () => card(h.pmUserId, `/api/cards/deals/${h.dealId}/phase`, { requestId: requestId(), to: 'accomplish', reason: 'the agreed work is delivered' }),
    },
    {
      at: dayAt(75, 11),
      what: 'the PM moves the deal on: the result is reviewed with the client, who now leads the relationship',
      run: () => card(h.pmUserId, `/api/cards/deals/${h.dealId}/phase`, { requestId: requestId(), to: 'adopt', reason: 'result reviewed with the client' }),
    },
    {
      at: dayAt(62, 16),
      what: 'the PM records the ending on the card: the goal is achieved',
      run: () => card(h.pmUserId, records, { requestId: requestId(), kind: 'accomplish_outcome', value: 'achieved', note: 'Month closed in one day in February' }),
    },
  ];
  const end = dayAt(100, 18);
  const answered = new Set<string>();
  const given: Record<string, number> = {};
  const checkpoints = running.jobs['checkpoint-sweep'];
  const silence = running.jobs['silent-client-sweep'];
  let nextSilenceSweep = dayAt(7, 8);
  // The checkpoint sweep runs daily in production; here it ticks on the mornings a checkpoint begins, which is all it would plan.
  const checkpointTicks = engine.playbook.checkpoints.map((c) => dayAt(c.day, 7));
  for (let guard = 0; guard < 2000; guard += 1) {
    const next = Math.min(...scripted.map((s) => s.at), await nextPendingRun(h, clock.now), ...checkpointTicks, nextSilenceSweep);
    if (next > end) break;
    clock.now = Math.max(clock.now, next);
    const day = Math.floor((clock.now - dayAt(1, 0)) / DAY) + 1;
    while (checkpointTicks.length > 0 && checkpointTicks[0]! <= clock.now) {
      checkpointTicks.shift();
      await runTick(engine, checkpoints, clock.now);
    }
    if (clock.now >= nextSilenceSweep) {
      await runTick(engine, silence, clock.now);
      nextSilenceSweep += 7 * DAY;
    }
    for (const s of scripted.filter((s) => s.at <= clock.now)) {
      print(`   day ${day}: ${s.what}`);
      await s.run();
      scripted.splice(scripted.indexOf(s), 1);
    }
    await running.worker.drain();
    for (const survey of await newSurveys(engine.mail!.outboxDir, h.answeringContactEmail, answered)) {
      const score = ANSWERS[survey.kind]?.[given[survey.kind] ?? 0];
      if (score === undefined) continue;
      given[survey.kind] = (given[survey.kind] ?? 0) + 1;
      const at = clock.now + 2 * HOUR;
      scripted.push({ at, what: `the client answers the ${survey.kind} survey that reached them: ${score}`, run: () => answer(h, survey.url, score) });
    }
  }
  clock.now = Math.max(clock.now, end);
  await running.worker.drain();
}

const HANDOFF_VALUES: Record<string, Record<string, string>> = {
  goals: { goals: 'One system for orders, stock and invoices, so the office stops typing the same data twice' },
  starting_point: { starting_point: 'Orders typed twice, in two programs; closing the month takes three days' },
  success_criteria: { success_criteria: 'The month closes in one day; no order typed twice by the end of the third month' },
  stakeholders: { stakeholders: 'Marco Bianchi (operations, decides), Giulia Rossi (owner, pays), the two office clerks (use it)' },
  promises: { promises: 'Go-live before the summer break; training for the office included' },
  fears: { remorse_type: 'capability', fears_notes: 'They fear the office cannot learn a new system during the busy season' },
  channel: { channel: 'email', cadence: 'every_two_weeks' },
  risks: { risks: 'The busy season in May leaves the office little time' },
  kickoff_date: { kickoff_date: '2027-01-12' },
};

async function dayZeroOf(h: HundredDays): Promise<number> {
  const [row] = await h.running.db.query<{ day_zero: string | number | null }>('SELECT day_zero FROM deal_onboarding WHERE deal_id = $1', [h.dealId]);
  if (row?.day_zero == null) throw new Error(`deal ${h.dealId} has no day zero: it has not been won`);
  return Number(row.day_zero);
}

/** The next moment a pending step falls due, after `now` (steps due already were run by the last drain). */
async function nextPendingRun(h: HundredDays, now: number): Promise<number> {
  const [row] = await h.running.db.query<{ at: string | number | null }>(`SELECT min(run_at) AS at FROM steps WHERE status = 'pending' AND run_at > $1`, [now]);
  return row?.at == null ? Number.POSITIVE_INFINITY : Number(row.at);
}

interface SurveyInOutbox {
  url: string;
  kind: string;
}

/** Surveys in the outbox for the answering contact that have not been answered yet, oldest file first. */
async function newSurveys(dir: string, email: string, answered: Set<string>): Promise<SurveyInOutbox[]> {
  const found: SurveyInOutbox[] = [];
  for (const file of (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort()) {
    if (answered.has(file)) continue;
    answered.add(file);
    const message = await readOutboxMessage(join(dir, file));
    if (!(message.headers.to ?? '').includes(email)) continue;
    const links = surveyLinksIn(message.text);
    if (!links.survey) continue;
    const kind = links.scores.length === 11 ? 'NPS' : links.scores.length === 7 ? 'CES' : 'CSAT';
    found.push({ url: links.survey, kind });
  }
  return found;
}

/** The client's answer, posted from the survey page as a browser would (the score is recorded only on POST). */
async function answer(h: HundredDays, surveyUrl: string, score: number): Promise<void> {
  const path = new URL(surveyUrl).pathname;
  const res = await fetch(`${h.running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `score=${score}` });
  if (!res.ok) throw new Error(`the survey page refused the answer (${res.status})`);
}

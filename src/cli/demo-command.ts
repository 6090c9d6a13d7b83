import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { boot, type Running } from '../boot.js';
import { loadConfig } from '../config.js';
import { onboardingDay } from '../domain/onboarding-day.js';
import { isPhase, type Locale } from '../domain/phases.js';
import { createDryRunAdapter } from '../hubspot/dry-run-adapter.js';
import { readTimeline, type TimelineStep } from '../store/timeline-store.js';
import { DEMO_CONTACTS, DEMO_DEALS, DEMO_OWNERS } from './demo-deals.js';
import { printOutbox } from './print-outbox.js';
import { describeAudience } from '../domain/email-recipients.js';
import type { EmailAudience } from '../domain/playbook-schema.js';
import { formatPhase, formatWhen } from './format-timeline.js';
import { walkHundredDays } from './demo-hundred-days.js';
import { postSignedDelivery } from './post-signed-delivery.js';
import { executionRequest, postWorkflowAction } from './post-workflow-action.js';

const PUBLIC_URL = 'https://first100.demo.invalid';
const PORTAL = '1';

/**
 * Runs the real server in dry-run on a throwaway embedded database, sends it signed deliveries like
 * HubSpot's, and prints what first100 planned and would have written.
 */
export async function demoCommand(playbookPath: string, print: (line: string) => void, options: { keepDir?: string } = {}): Promise<void> {
  const dataDir = options.keepDir ?? (await mkdtemp(join(tmpdir(), 'first100-demo-')));
  const secret = randomBytes(32).toString('hex');
  const clock = { now: Date.now() };
  const hubspot = createDryRunAdapter(DEMO_DEALS, undefined, DEMO_CONTACTS, DEMO_OWNERS);
  const config = loadConfig({ HUBSPOT_CLIENT_SECRET: secret, HUBSPOT_PORTAL_ID: PORTAL, PUBLIC_BASE_URL: PUBLIC_URL, PORT: '0', DATA_DIR: dataDir, PLAYBOOK: playbookPath });
  let running: Running | undefined;
  try {
    running = await boot(config, { hubspot, clock: () => clock.now, log: pino({ level: 'silent' }), startWorker: false });
    const { engine } = running;
    const tz = engine.playbook.timezone;
    print('first100 demo: the real server, in dry-run (nothing reaches HubSpot), on an embedded database');
    print(`server ${running.url}  playbook "${engine.playbook.name}"  times in ${tz}  data ${dataDir} (${options.keepDir ? 'kept' : 'removed at the end'})`);
    print('');

    const t0 = clock.now;
    const event = (dealId: string, stageId: string, occurredAt: number, eventId: number) => ({
      eventId,
      subscriptionId: 1,
      portalId: Number(PORTAL),
      appId: 1,
      occurredAt,
      subscriptionType: 'deal.propertyChange',
      attemptNumber: 0,
      objectId: Number(dealId),
      propertyName: 'dealstage',
      propertyValue: stageId,
      changeSource: 'CRM_UI',
    });
    const won9001 = JSON.stringify([event('9001', 'closedwon', t0 - 2000, 1)]);
    const steps: [string, string][] = [
      ['Deal 9001 (Rossi Meccanica) reaches "presentation scheduled" in the sales pipeline', JSON.stringify([event('9001', 'presentationscheduled', t0 - 3000, 0)])],
      ['Deal 9001 (Rossi Meccanica) is won', won9001],
      ['HubSpot delivers the same event again', won9001],
      ['Deals 9002 (Blue Harbor, no PM set) and 9003 (Verdi Logistica) are won', JSON.stringify([event('9002', 'closedwon', t0 - 1500, 2), event('9003', 'closedwon', t0 - 1000, 3)])],
      ['Deal 9003 is lost a minute later', JSON.stringify([event('9003', 'closedlost', t0 + 60_000, 4)])],
    ];
    for (const [i, [what, body]] of steps.entries()) {
      const res = await postSignedDelivery({ serverUrl: running.url, publicBaseUrl: PUBLIC_URL, secret, body, timestamp: clock.now });
      print(`${i + 1}. ${what}: webhook answered ${res.status} ${await res.text()}`);
      if (!res.ok) throw new Error(`the server refused a correctly signed delivery (${res.status})`);
      await running.worker.drain();
    }
    await workflowStart(running, secret, hubspot, print);
    const nextAdvance = await firstPendingAdvance(running);
    if (nextAdvance !== undefined) {
      clock.now = nextAdvance + 60_000;
      print(`8. The clock moves on to ${formatWhen(clock.now, tz)}, when timed phase changes fall due`);
      await running.worker.drain();
    }
    print('9. Deal 9001 (Rossi Meccanica) lives its first 100 days: the clock moves from one due step to the next, the sweeps tick');
    await walkHundredDays({
      running, clock, secret, publicBaseUrl: PUBLIC_URL, portalId: PORTAL, dealId: '9001', answeringContactEmail: 'marco.bianchi@rossi-meccanica.invalid',
      repUserId: '101', pmUserId: '202', print,
    });
    print('');
    printTimeline(await readTimeline(running.db), await dayZeros(running), tz, engine.playbook.locale, print);
    const tasks = hubspot.writes.filter((w) => w.kind === 'create-task').length;
    const updates = hubspot.writes.filter((w) => w.kind === 'update-deal').length;
    const callbacks = hubspot.writes.filter((w) => w.kind === 'complete-callback').length;
    const logged = hubspot.writes.filter((w) => w.kind === 'log-email').length;
    print('');
    await printOutbox(running.engine.mail!.outboxDir, print);
    print('');
    print(
      `Dry-run: ${tasks} tasks, ${updates} deal updates, ${logged} logged emails and ${callbacks} workflow completion would have been sent to HubSpot. ` +
        'Set HUBSPOT_ACCESS_TOKEN to send them.',
    );
  } finally {
    await running?.stop();
    if (options.keepDir) print(`Kept: the embedded database in ${join(dataDir, 'pglite')} and the emails in ${join(dataDir, 'outbox')} (open the .eml files with any mail client).`);
    else await rm(dataDir, { recursive: true, force: true });
  }
}

/** A HubSpot workflow starts an onboarding with first100's custom action, signed v2 as HubSpot signs it, twice. */
async function workflowStart(running: Running, secret: string, hubspot: ReturnType<typeof createDryRunAdapter>, print: (line: string) => void): Promise<void> {
  const body = executionRequest({ callbackId: 'ap-1-5001-1-0', portalId: PORTAL, workflowId: 5001, dealId: '9004', inputFields: { pm_owner: '205' } });
  const call = () => postWorkflowAction({ serverUrl: running.url, publicBaseUrl: PUBLIC_URL, secret, action: 'start-onboarding', body });
  const first = await call();
  print(`6. Workflow 5001 runs "Start onboarding" (PM 205) on deal 9004 (Neri Impianti): action answered ${first.status} ${await first.text()}`);
  if (!first.ok) throw new Error(`the server refused a correctly signed workflow action (${first.status})`);
  await running.worker.drain();
  const completed = hubspot.writes.flatMap((w) => (w.kind === 'complete-callback' ? [w] : []));
  for (const c of completed) print(`   the worker started it, then completed the workflow (callback ${c.callbackId}): ${JSON.stringify({ hs_execution_state: c.outputFields.hs_execution_state, ...c.outputFields })}`);
  const again = await call();
  print(`7. HubSpot sends the same call again (v2 signatures have no timestamp): answered ${again.status} ${await again.text()}, no second effect`);
  await running.worker.drain();
}

async function firstPendingAdvance(running: Running): Promise<number | undefined> {
  const [row] = await running.db.query<{ due: string | number | null }>(`SELECT min(run_at) AS due FROM steps WHERE kind = 'advance' AND status = 'pending'`);
  return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
}

async function dayZeros(running: Running): Promise<Map<string, number>> {
  const rows = await running.db.query<{ deal_id: string; day_zero: string | number | null }>('SELECT deal_id, day_zero FROM deal_onboarding');
  return new Map(rows.flatMap((r) => (r.day_zero === null ? [] : [[r.deal_id, Number(r.day_zero)] as [string, number]])));
}

function printTimeline(entries: Awaited<ReturnType<typeof readTimeline>>, dayZero: Map<string, number>, tz: string, locale: Locale, print: (line: string) => void): void {
  print('Timeline');
  let deal = '';
  for (const entry of entries) {
    if (entry.dealId !== deal) {
      deal = entry.dealId;
      const known = DEMO_DEALS.find((d) => d.id === deal);
      print(`Deal ${deal} ${known?.name ?? ''}`);
    }
    const day = onboardingDay(dayZero.get(entry.dealId) ?? null, entry.enteredAt, tz);
    print(`  ${formatWhen(entry.enteredAt, tz)}  ${day === null ? 'before day 1' : `day ${day}`}  enters ${isPhase(entry.phase) ? formatPhase(entry.phase, locale) : entry.phase} (${entry.cause})`);
    for (const step of entry.steps) print(`    ${describeStep(step, tz)}`);
    for (const warning of entry.warnings) print(`    warning: ${warning}`);
  }
}

function describeStep(step: TimelineStep, tz: string): string {
  const when = formatWhen(step.dueAt, tz);
  const p = step.payload as Record<string, any>;
  if (step.kind === 'task') {
    const owner = p.task.ownerId ? `owner ${p.task.ownerId} (${p.assignee})` : 'unassigned';
    return `task   due ${when}  ${p.task.subject} → ${owner}  [${step.status}${step.hubspotId ? ` as ${step.hubspotId}` : ''}]`;
  }
  if (step.kind === 'email') {
    const survey = p.survey ? `, ${p.survey} survey on "${p.touchpoint}"` : '';
    const d = p.delivery as { sent: number; skipped: { contactId: string; reason: string }[]; unknown: number; failed: number } | undefined;
    const outcome = d
      ? `: ${d.sent} sent${d.skipped.map((s) => `, contact ${s.contactId} skipped (${s.reason})`).join('')}${d.unknown ? `, ${d.unknown} in doubt` : ''}${d.failed ? `, ${d.failed} failed` : ''}`
      : '';
    return `email  at  ${when}  ${p.template} to ${describeAudience((p.to ?? 'primary_contact') as EmailAudience)}${survey}  [${step.status}${outcome}]`;
  }
  if (step.kind === 'task-close') return `close  at  ${when}  task "${p.subject}": ${p.reason}  [${step.status}]`;
  if (step.kind === 'note') return `note   at  ${when}  ${String(p.note.body).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()}  [${step.status}]`;
  if (step.kind === 'advance') return `phase  at  ${when}  moves on to ${p.to}  [${step.status}]`;
  return `${step.kind}  at  ${when}  ${step.stepId}  [${step.status}]`;
}

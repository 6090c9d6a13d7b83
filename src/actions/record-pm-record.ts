import type { DealSnapshot } from '../domain/deal.js';
import { outcomeTask, PM_RECORD_PROPERTIES, pmRecordNote, recordPropertyValue, type PmRecord } from '../domain/pm-records.js';
import { claimCardRequest } from '../store/card-request-store.js';
import type { Queryable } from '../store/db.js';
import { insertSteps, lockDealState } from '../store/onboarding-store.js';
import { savePmRecord } from '../store/pm-record-store.js';
import type { NewStep } from '../store/step-kinds.js';
import { wakeWaitingEmails } from '../store/waiting-steps.js';
import type { Engine } from '../jobs/engine.js';
import { OPENED_BY_RECORD } from '../jobs/emails/email-gates.js';
import { dealUpdateStep, markerOf } from '../jobs/steps/steps-from-plan.js';
import { actorLabel, type CardActor, type CardWriteOutcome } from './card-actor.js';

export interface PmRecordWrite {
  requestId: string;
  dealId: string;
  actor: CardActor;
  record: PmRecord;
}

export type PmRecordOutcome = CardWriteOutcome | 'deal-not-found' | 'not-in-onboarding';

/** The step id of the email that tells the client what follows from the accomplish ending. */
export const ENDING_EMAIL_STEP = 'accomplish-ending';
/** The ending email waits this long, so a PM who picked the wrong ending can correct it before the client reads it. */
export const ENDING_EMAIL_DELAY_MS = 3600_000;

/**
 * The PM records what only a person can judge, from the deal card: stored, written to its deal property, noted on
 * the timeline, and followed by what it means for the client (the accomplish ending's email and the PM's task, the
 * kickoff survey woken). One transaction, once per request id.
 */
export async function recordPmRecord(engine: Engine, w: PmRecordWrite): Promise<PmRecordOutcome> {
  const deal = (await engine.hubspot.readDeals([w.dealId])).get(w.dealId);
  if (!deal) return 'deal-not-found';
  try {
    return await engine.db.transaction((tx) => recordIn(tx, engine, w, deal));
  } catch (error) {
    // Thrown to roll the request id back with everything else: a refused request leaves nothing behind.
    if (error instanceof NotInOnboarding) return 'not-in-onboarding';
    throw error;
  }
}

class NotInOnboarding extends Error {}

async function recordIn(tx: Queryable, engine: Engine, w: PmRecordWrite, deal: DealSnapshot): Promise<PmRecordOutcome> {
  const claim = await claimCardRequest(tx, { requestId: w.requestId, dealId: w.dealId, action: `record-${w.record.kind}`, actorUserId: w.actor.userId, content: w.record });
  if (!claim.fresh) return claim.sameRequest ? 'repeated' : 'request-id-reused';
  const state = await lockDealState(tx, w.dealId);
  if (state.phase === null) throw new NotInOnboarding(`deal ${w.dealId} is not in onboarding`);
  const now = engine.clock();
  await savePmRecord(tx, w.dealId, w.record, w.actor, now);
  const base = `${w.dealId}:pm-record:${w.record.kind}:${w.requestId}`;
  const locale = engine.playbook.locale;
  const noteKey = `${base}:note`;
  const steps: NewStep[] = [
    dealUpdateStep(w.dealId, null, `${base}:properties`, { [PM_RECORD_PROPERTIES[w.record.kind]]: recordPropertyValue(w.record, now) }, now),
    { effectKey: noteKey, entryId: null, dealId: w.dealId, kind: 'note', stepId: 'pm-record-note', dueAt: now, runAt: now,
      payload: { note: { marker: markerOf(noteKey), dealId: w.dealId, companyId: deal.company?.id ?? null, body: pmRecordNote(w.record, actorLabel(w.actor), locale), timestamp: now } } },
  ];
  if (w.record.kind === 'accomplish_outcome') {
    await cancelPendingEnding(tx, w.dealId);
    const outcome = w.record.value;
    const due = now + ENDING_EMAIL_DELAY_MS;
    steps.push({ effectKey: `${base}:email`, entryId: null, dealId: w.dealId, kind: 'email', stepId: ENDING_EMAIL_STEP, dueAt: due, runAt: due, payload: { template: 'result-ending', to: 'all_contacts' } });
    const task = outcomeTask(outcome, deal.company?.name ?? deal.name, locale);
    if (task) {
      const key = `${w.dealId}:pm-record:accomplish_outcome:${outcome}:task`;
      steps.push({ effectKey: key, entryId: null, dealId: w.dealId, kind: 'owner-task', stepId: `accomplish-${outcome.replaceAll('_', '-')}`, dueAt: now, runAt: now,
        payload: { task: { marker: markerOf(key), dealId: w.dealId, companyId: deal.company?.id ?? null, contactIds: deal.contactIds, ...task, dueAt: engine.calendar.dueAt(now, { businessDays: 1 }), priority: 'HIGH', type: 'CALL' }, assignee: 'pm' } });
    }
  }
  await insertSteps(tx, steps);
  const waiting = Object.entries(OPENED_BY_RECORD).flatMap(([template, kind]) => (kind === w.record.kind ? [template] : []));
  if (waiting.length > 0) await wakeWaitingEmails(tx, w.dealId, waiting, now);
  return 'applied';
}

/** A corrected ending replaces the email of the earlier one, if that has not gone out yet. */
async function cancelPendingEnding(tx: Queryable, dealId: string): Promise<void> {
  await tx.query(`UPDATE steps SET status = 'cancelled', updated_at = now() WHERE deal_id = $1 AND step_id = $2 AND kind = 'email' AND status = 'pending'`, [dealId, ENDING_EMAIL_STEP]);
}

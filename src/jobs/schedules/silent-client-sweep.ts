import { dealHealth } from '../../domain/client-health.js';
import { isSurveyKind, toneOf, type AnswerTone } from '../../domain/feedback-scoring.js';
import { planCheckIn, planSilence } from '../../domain/plan-silence.js';
import { MAX_BATCH } from '../../hubspot/hubspot-port.js';
import type { DealSnapshot } from '../../domain/deal.js';
import { insertSteps, type NewStep } from '../../store/onboarding-store.js';
import { listOnboardingDeals, swapSilentSince, type OnboardingDeal } from '../../store/sweep-reads.js';
import type { Engine } from '../engine.js';
import { companyUpdateStep, dealUpdateStep, effectKey, plannedStepRows } from '../steps/steps-from-plan.js';
import { epochMs, latest } from './epoch-ms.js';
import type { ScheduledJob } from './scheduled-job.js';

/**
 * HubSpot's "Last contacted": the last call, sales email or meeting logged on the deal (by us or the client).
 * Tasks and notes, which first100 creates itself, do not move it; `notes_last_updated` and `hs_lastmodifieddate` do.
 */
export const CONTACT_PROPERTIES = ['notes_last_contacted'];

interface Change {
  deal: OnboardingDeal;
  silentSince: number | null;
}

/** Marks deals whose client has been silent past the phase's limit, once per silence, and clears it when contact resumes. */
export function createSilentClientSweep(engine: Engine, kick: () => void): ScheduledJob {
  return {
    name: 'silent-client-sweep',
    async run(tickAt) {
      const counts = { deals: 0, silent: 0, resumed: 0, failed: 0 };
      for (let after = ''; ; ) {
        const page = await listOnboardingDeals(engine.db, after, MAX_BATCH);
        if (page.length === 0) break;
        after = page[page.length - 1]!.dealId;
        // A deal whose phase has no limit is only looked at to end a silence it carries from an earlier phase.
        const tracked = page.filter((d) => engine.playbook.phases[d.phase]?.silence || d.silentSince !== null);
        counts.deals += tracked.length;
        const changes = await decide(engine, tracked, tickAt).catch((error) => {
          engine.log.warn({ err: { message: (error as Error).message }, count: tracked.length }, 'silent-client sweep could not read these deals; the next sweep retries');
          counts.failed += tracked.length;
          return [] as Change[];
        });
        const snapshots = await readSnapshots(engine, changes.filter((c) => c.silentSince !== null)).catch((error) => {
          engine.log.warn({ err: { message: (error as Error).message } }, 'silent-client sweep could not read the silent deals; the next sweep retries');
          return undefined;
        });
        for (const change of changes) {
          if (change.silentSince !== null && !snapshots) {
            counts.failed += 1;
            continue;
          }
          try {
            if (await record(engine, change, snapshots?.get(change.deal.dealId), tickAt)) counts[change.silentSince === null ? 'resumed' : 'silent'] += 1;
          } catch (error) {
            counts.failed += 1;
            engine.log.warn({ dealId: change.deal.dealId, err: { message: (error as Error).message } }, 'could not record a silence change; the next sweep retries');
          }
        }
      }
      if (counts.silent + counts.resumed > 0) kick();
      return counts;
    },
  };
}

/** Owners, company and contacts of the deals that need a check-in task, in shared batch calls. */
async function readSnapshots(engine: Engine, changes: Change[]): Promise<Map<string, DealSnapshot>> {
  return changes.length > 0 ? engine.hubspot.readDeals(changes.map((c) => c.deal.dealId)) : new Map();
}

/** Reads the deals' last contact in batch calls and returns the deals whose silence starts or ends. */
async function decide(engine: Engine, deals: OnboardingDeal[], now: number): Promise<Change[]> {
  if (deals.length === 0) return [];
  const contacts = await engine.hubspot.readObjects('deals', deals.map((d) => d.dealId), CONTACT_PROPERTIES);
  return deals.flatMap((deal) => {
    const properties = contacts.get(deal.dealId);
    if (!properties) return []; // deleted or merged in HubSpot: nothing to tell anyone
    const lastContactAt = latest([epochMs(properties.notes_last_contacted), epochMs(deal.lastFeedback?.at)]);
    const startedAt = deal.dayZero ?? deal.enteredAt ?? now;
    const decision = planSilence({ phase: deal.phase, lastContactAt, startedAt, silentSince: deal.silentSince, playbook: engine.playbook, calendar: engine.calendar, now });
    return decision.changed ? [{ deal, silentSince: decision.silentSince }] : [];
  });
}

/** Records the change and its effects in one transaction: the check-in task once per silence, the health property. */
async function record(engine: Engine, { deal, silentSince }: Change, snapshot: DealSnapshot | undefined, now: number): Promise<boolean> {
  if (silentSince !== null && !snapshot) return false; // gone from HubSpot between the two reads
  const at = engine.clock();
  const health = dealHealth({ lastTone: toneOfFeedback(deal.lastFeedback), silentSince });
  return engine.db.transaction(async (tx) => {
    if (!(await swapSilentSince(tx, deal.dealId, deal.silentSince, silentSince))) return false;
    const steps: NewStep[] = [];
    if (silentSince !== null) {
      const key = (stepId: string) => effectKey(deal.dealId, 'silence', silentSince, stepId);
      const checkIn = planCheckIn(snapshot!, silentSince, engine.playbook, engine.calendar, now);
      if (checkIn) steps.push(...plannedStepRows(snapshot!, deal.entryId, key, [checkIn.task], at));
      for (const warning of checkIn?.warnings ?? []) engine.log.warn({ dealId: deal.dealId }, warning);
      steps.push(dealUpdateStep(deal.dealId, deal.entryId, key('health'), { first100_health: health }, at));
    } else {
      steps.push(dealUpdateStep(deal.dealId, deal.entryId, effectKey(deal.dealId, 'contact', deal.silentSince!, 'health'), { first100_health: health }, at));
    }
    // The company's health and segment are recomputed from its deals' signals when the step runs.
    const companyId = snapshot?.company?.id ?? deal.companyId;
    if (companyId) steps.push(companyUpdateStep(deal.dealId, deal.entryId, effectKey(deal.dealId, silentSince === null ? 'contact' : 'silence', silentSince ?? deal.silentSince!, 'company-health'), companyId, at));
    await insertSteps(tx, steps);
    return true;
  });
}

function toneOfFeedback(feedback: OnboardingDeal['lastFeedback']): AnswerTone | null {
  return feedback && isSurveyKind(feedback.kind) ? toneOf({ kind: feedback.kind, score: Number(feedback.score) }) : null;
}

import { CONTACT_KINDS, latestClientContact } from '../../domain/client-contact.js';
import { planCheckIn, planSilence } from '../../domain/plan-silence.js';
import { latest } from '../../hubspot/epoch-ms.js';
import { MAX_BATCH } from '../../hubspot/hubspot-port.js';
import type { DealSnapshot } from '../../domain/deal.js';
import { insertSteps, type NewStep } from '../../store/onboarding-store.js';
import { listOnboardingDeals, recordLastContact, swapSilentSince, type OnboardingDeal } from '../../store/sweep-reads.js';
import type { Engine } from '../engine.js';
import { recomputeDealHealth } from '../health/recompute-health.js';
import { companyUpdateStep, effectKey, plannedStepRows } from '../steps/steps-from-plan.js';
import type { ScheduledJob } from './scheduled-job.js';

/**
 * Engagements read per kind and deal, newest first. If the 20 newest calls since the silence clock started all failed
 * to connect, the client is not answering: an older call that did connect is rightly not looked for.
 */
export const ENGAGEMENTS_PER_SEARCH = 20;

interface Change {
  deal: OnboardingDeal;
  silentSince: number | null;
}

type Counts = { deals: number; searched: number; searches: number; silent: number; resumed: number; failed: number };

/**
 * Marks deals whose client has been silent past the phase's limit, once per silence, and clears it when contact
 * resumes. Contact is what first100's own writes cannot move (domain/client-contact.ts): the client's emails, calls
 * that connected, meetings held, and answers to first100's surveys. HubSpot is asked only about deals whose limit has
 * run out by what first100 already knows, at most one search per kind of engagement.
 */
export function createSilentClientSweep(engine: Engine, kick: () => void): ScheduledJob {
  return {
    name: 'silent-client-sweep',
    async run(tickAt) {
      const counts: Counts = { deals: 0, searched: 0, searches: 0, silent: 0, resumed: 0, failed: 0 };
      for (let after = ''; ; ) {
        const page = await listOnboardingDeals(engine.db, after, MAX_BATCH);
        if (page.length === 0) break;
        after = page[page.length - 1]!.dealId;
        // A deal whose phase has no limit is only looked at to end a silence it carries from an earlier phase.
        const tracked = page.filter((d) => engine.playbook.phases[d.phase]?.silence || d.silentSince !== null);
        counts.deals += tracked.length;
        const changes: Change[] = [];
        for (const deal of tracked) {
          try {
            const silentSince = await decide(engine, deal, tickAt, counts);
            if (silentSince !== deal.silentSince) changes.push({ deal, silentSince });
          } catch (error) {
            counts.failed += 1;
            engine.log.warn({ dealId: deal.dealId, err: { message: (error as Error).message } }, 'silent-client sweep could not read this deal\'s engagements; the next sweep retries');
          }
        }
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

/**
 * Since when the deal's client is silent (null: not silent). First from what first100 knows (the last contact it
 * found, the last survey answer, the start of onboarding); only if that says the limit ran out, HubSpot's
 * engagements on the deal since then, one kind at a time, stopping at the first contact that puts it back within.
 */
async function decide(engine: Engine, deal: OnboardingDeal, now: number, counts: Counts): Promise<number | null> {
  const startedAt = deal.dayZero ?? deal.enteredAt ?? now;
  const silenceFrom = (lastContactAt: number | null) =>
    planSilence({ phase: deal.phase, lastContactAt, startedAt, silentSince: deal.silentSince, playbook: engine.playbook, calendar: engine.calendar, now }).silentSince;
  const known = latest([deal.lastContactAt, deal.lastFeedback?.at ?? null]);
  let silentSince = silenceFrom(known);
  if (silentSince === null) return null;
  counts.searched += 1;
  const quietFrom = Math.max(known ?? startedAt, startedAt);
  let found: number | null = null;
  for (const kind of CONTACT_KINDS) {
    counts.searches += 1;
    const engagements = await engine.hubspot.searchDealEngagements({ dealId: deal.dealId, kind, after: quietFrom, until: now, limit: ENGAGEMENTS_PER_SEARCH });
    found = latest([found, latestClientContact(engagements, now)]);
    silentSince = silenceFrom(latest([known, found]));
    if (silentSince === null) break;
  }
  if (found !== null) await recordLastContact(engine.db, deal.dealId, found);
  return silentSince;
}

/** Records the change and its effects in one transaction: the check-in task once per silence, the health property. */
async function record(engine: Engine, { deal, silentSince }: Change, snapshot: DealSnapshot | undefined, now: number): Promise<boolean> {
  if (silentSince !== null && !snapshot) return false; // gone from HubSpot between the two reads
  const at = engine.clock();
  return engine.db.transaction(async (tx) => {
    if (!(await swapSilentSince(tx, deal.dealId, deal.silentSince, silentSince))) return false;
    const steps: NewStep[] = [];
    if (silentSince !== null) {
      const key = (stepId: string) => effectKey(deal.dealId, 'silence', silentSince, stepId);
      const checkIn = planCheckIn(snapshot!, silentSince, engine.playbook, engine.calendar, now);
      if (checkIn) steps.push(...plannedStepRows(snapshot!, deal.entryId, key, [checkIn.task], at));
      for (const warning of checkIn?.warnings ?? []) engine.log.warn({ dealId: deal.dealId }, warning);
    }
    // The company's health and segment are recomputed from its deals' signals when the step runs.
    const companyId = snapshot?.company?.id ?? deal.companyId;
    if (companyId) steps.push(companyUpdateStep(deal.dealId, deal.entryId, effectKey(deal.dealId, silentSince === null ? 'contact' : 'silence', silentSince ?? deal.silentSince!, 'company-health'), companyId, at));
    await insertSteps(tx, steps);
    // The deal's first100_health is the computed one: silence outranks being stuck or behind, and its end may reveal them.
    await recomputeDealHealth(tx, engine, deal.dealId, now);
    return true;
  });
}

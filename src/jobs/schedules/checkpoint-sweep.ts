import type { DealSnapshot } from '../../domain/deal.js';
import { dueCheckpoint, planCheckpoint } from '../../domain/plan-checkpoint.js';
import type { Checkpoint } from '../../domain/playbook-schema.js';
import { MAX_BATCH } from '../../hubspot/hubspot-port.js';
import { insertSteps } from '../../store/onboarding-store.js';
import { listOnboardingDeals, plannedCheckpointDays, type OnboardingDeal } from '../../store/sweep-reads.js';
import type { Engine } from '../engine.js';
import { effectKey, plannedStepRows } from '../steps/steps-from-plan.js';
import { promiseChecksAt } from './promise-checks-at-checkpoint.js';
import type { ScheduledJob } from './scheduled-job.js';

interface Due {
  deal: OnboardingDeal & { dayZero: number };
  checkpoint: Checkpoint;
}

/** Plans the playbook's day-30/60/90 checkpoints (or whichever it lists), once per deal and checkpoint. */
export function createCheckpointSweep(engine: Engine, kick: () => void): ScheduledJob {
  return {
    name: 'checkpoint-sweep',
    async run(tickAt) {
      const counts = { deals: 0, planned: 0, failed: 0 };
      if (engine.playbook.checkpoints.length === 0) return counts;
      for (let after = ''; ; ) {
        const page = await listOnboardingDeals(engine.db, after, MAX_BATCH);
        if (page.length === 0) break;
        after = page[page.length - 1]!.dealId;
        const started = page.filter((d): d is Due['deal'] => d.dayZero !== null);
        counts.deals += started.length;
        const planned = await plannedCheckpointDays(engine.db, started.map((d) => d.dealId));
        const due = started.flatMap((deal) => {
          const checkpoint = dueCheckpoint({ dayZero: deal.dayZero, planned: planned.get(deal.dealId) ?? [], playbook: engine.playbook, now: tickAt });
          return checkpoint ? [{ deal, checkpoint }] : [];
        });
        if (due.length === 0) continue;
        let snapshots: Map<string, DealSnapshot>;
        try {
          snapshots = await engine.hubspot.readDeals(due.map((d) => d.deal.dealId));
        } catch (error) {
          counts.failed += due.length;
          engine.log.warn({ err: { message: (error as Error).message }, count: due.length }, 'checkpoint sweep could not read these deals; the next sweep retries');
          continue;
        }
        for (const item of due) {
          const snapshot = snapshots.get(item.deal.dealId);
          if (!snapshot) continue; // deleted or merged in HubSpot
          try {
            await plan(engine, item, snapshot, tickAt);
            counts.planned += 1;
          } catch (error) {
            counts.failed += 1;
            engine.log.warn({ dealId: item.deal.dealId, err: { message: (error as Error).message } }, 'could not plan a checkpoint; the next sweep retries');
          }
        }
      }
      if (counts.planned > 0) kick();
      return counts;
    },
  };
}

async function plan(engine: Engine, { deal, checkpoint }: Due, snapshot: DealSnapshot, now: number): Promise<void> {
  const { steps, warnings } = planCheckpoint(snapshot, deal.dayZero, checkpoint, engine.calendar, now);
  for (const warning of warnings) engine.log.warn({ dealId: deal.dealId, checkpoint: checkpoint.day }, warning);
  const key = (stepId: string) => effectKey(deal.dealId, 'checkpoint', checkpoint.day, stepId);
  await engine.db.transaction(async (tx) => {
    const promiseChecks = await promiseChecksAt(tx, snapshot, checkpoint.day, steps, engine.playbook.locale, now);
    await insertSteps(tx, plannedStepRows(snapshot, deal.entryId, key, [...steps, ...promiseChecks], engine.clock()));
  });
}

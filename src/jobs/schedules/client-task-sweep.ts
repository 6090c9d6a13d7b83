import { clientTaskOverdueTask } from '../../domain/client-task-overdue-words.js';
import { planClientTaskReminders, type OverdueClientTask } from '../../domain/plan-client-task-reminders.js';
import { MAX_BATCH } from '../../hubspot/hubspot-port.js';
import { readClientTaskEntries, reminderSent } from '../../store/client-task-sweep-reads.js';
import { insertSteps, type NewStep } from '../../store/onboarding-store.js';
import { listOnboardingDeals, type OnboardingDeal } from '../../store/sweep-reads.js';
import type { Engine } from '../engine.js';
import { markerOf } from '../steps/steps-from-plan.js';
import type { ScheduledJob } from './scheduled-job.js';

type Started = OnboardingDeal & { entryId: string; enteredAt: number };

/**
 * Reminds clients of their overdue tasks, then tells the PM: for each task of the current phase that the client has
 * not answered on their page, one reminder email once it is overdue by the playbook's limit, and one HIGH task for the
 * PM after the second limit. Each effect's key names the deal, the phase entry, the task and the effect, and the
 * store keeps one row per key: a second tick, or a second replica, adds nothing. It reads first100's store only; the
 * email's recipients and the PM are read from HubSpot when the steps run.
 */
export function createClientTaskSweep(engine: Engine, kick: () => void): ScheduledJob {
  return {
    name: 'client-task-sweep',
    async run(tickAt) {
      const counts = { deals: 0, reminders: 0, pmTasks: 0, failed: 0 };
      for (let after = ''; ; ) {
        const page = await listOnboardingDeals(engine.db, after, MAX_BATCH);
        if (page.length === 0) break;
        after = page[page.length - 1]!.dealId;
        const started = page.filter((d): d is Started => d.entryId !== null && d.enteredAt !== null && !!engine.playbook.phases[d.phase]?.clientTasks?.length);
        counts.deals += started.length;
        const facts = await readClientTaskEntries(engine.db, started.map((d) => d.dealId));
        for (const deal of started) {
          const entry = facts.get(deal.dealId);
          if (!entry || entry.paused) continue;
          try {
            const overdue = planClientTaskReminders({ phase: deal.phase, enteredAt: deal.enteredAt, answers: entry.answers, playbook: engine.playbook, calendar: engine.calendar, now: tickAt });
            if (overdue.length === 0) continue;
            const steps = await Promise.all(overdue.map((o) => stepFor(engine, deal, o, engine.clock())));
            // Only the rows this tick added are counted: the others were planned by an earlier tick or another replica.
            for (const step of steps) if ((await insertSteps(engine.db, [step])) > 0) counts[step.kind === 'email' ? 'reminders' : 'pmTasks'] += 1;
          } catch (error) {
            counts.failed += 1;
            engine.log.warn({ dealId: deal.dealId, err: { message: (error as Error).message } }, 'could not plan a client task reminder; the next sweep retries');
          }
        }
      }
      if (counts.reminders + counts.pmTasks > 0) kick();
      return counts;
    },
  };
}

/** The key of one effect of one client task in one phase entry (the stuck task's key ends in `:stuck`). */
export function clientTaskEffectKey(dealId: string, entryId: string, taskId: string, effect: OverdueClientTask['effect']): string {
  return `${dealId}:client-task:${entryId}:${taskId}:${effect === 'reminder' ? 'reminder' : 'overdue'}`;
}

async function stepFor(engine: Engine, deal: Started, { task, dueAt, effect }: OverdueClientTask, now: number): Promise<NewStep> {
  const key = clientTaskEffectKey(deal.dealId, deal.entryId, task.id, effect);
  const base = { effectKey: key, entryId: deal.entryId, dealId: deal.dealId, dueAt: now, runAt: now };
  if (effect === 'reminder') {
    return { ...base, kind: 'email', stepId: 'client-task-reminder', payload: { template: 'client-task-reminder', to: task.who, clientTask: { id: task.id, title: task.title, why: task.why, dueAt } } };
  }
  return {
    ...base,
    kind: 'owner-task',
    stepId: 'client-task-overdue',
    payload: {
      assignee: 'pm',
      task: {
        marker: markerOf(key),
        dealId: deal.dealId,
        companyId: null,
        contactIds: [],
        // Says whether the reminder reached the client: a PM told it did, when it did not, would ask the wrong question.
        ...clientTaskOverdueTask(task.title, dueAt, await reminderSent(engine.db, clientTaskEffectKey(deal.dealId, deal.entryId, task.id, 'reminder')), engine.playbook.timezone, engine.playbook.locale),
        // Due now: the client has had the task, and a reminder, for days already.
        dueAt: now,
        priority: 'HIGH',
        type: 'TODO',
      },
    },
  };
}

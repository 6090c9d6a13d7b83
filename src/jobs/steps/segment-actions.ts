import { planSegmentTasks } from '../../domain/plan-segment.js';
import type { Segment } from '../../domain/status-labels.js';
import { enterCompanySegments, segmentNames } from '../../store/company-segment-store.js';
import { insertSteps } from '../../store/onboarding-store.js';
import type { NewStep } from '../../store/step-kinds.js';
import type { Engine } from '../engine.js';
import { markerOf } from './steps-from-plan.js';

export interface SegmentComputed {
  companyId: string;
  /** The deal whose change made first100 recompute the company: the segment's tasks go on it. */
  dealId: string;
  segment: Segment;
}

/**
 * Plans each segment's action (the playbook's `segments`) for the companies that have just entered it: the loyal
 * client's review or referral ask, the occasional client's reason to speak well of us, the at-risk client's
 * retention task for the PM's manager. Once per company and change; the tasks are keyed by deal and segment, so a
 * company that goes back and forth gets each segment's tasks at most once per onboarding deal.
 */
export async function planSegmentActions(engine: Engine, computed: SegmentComputed[]): Promise<number> {
  if (computed.length === 0) return 0;
  const now = engine.clock();
  return engine.db.transaction(async (tx) => {
    const entered = await enterCompanySegments(tx, computed, now);
    const steps: NewStep[] = [];
    for (const c of computed.filter((c) => entered.has(c.companyId))) {
      const names = await segmentNames(tx, c.companyId, c.dealId);
      const dealName = names.dealName ?? `Deal ${c.dealId}`;
      for (const t of planSegmentTasks(c.segment, engine.playbook, { companyName: names.companyName ?? dealName, dealName }, engine.calendar, now)) {
        const key = `${c.dealId}:segment:${c.segment}:${t.stepId}`;
        steps.push({
          effectKey: key, entryId: null, dealId: c.dealId, kind: 'owner-task', stepId: t.stepId, dueAt: t.dueAt, runAt: now,
          payload: {
            task: { marker: markerOf(key), dealId: c.dealId, companyId: c.companyId, contactIds: [], subject: t.subject, body: t.body, dueAt: t.dueAt, priority: t.priority, type: t.type },
            assignee: t.assignee,
          },
        });
      }
    }
    return insertSteps(tx, steps);
  });
}

import type { Handoff } from '../domain/handoff.js';
import { checkpointStart } from '../domain/plan-checkpoint.js';
import { cadenceUpdateTimes, isCadence } from '../domain/progress-routing.js';
import type { Queryable } from '../store/db.js';
import type { NewStep } from '../store/onboarding-store.js';
import type { Engine } from '../jobs/engine.js';

/** The end of the first 100 days: updates by cadence stop there (from adopt on the client leads). */
const LAST_DAY = 100;

/**
 * When the handoff is accepted, the progress updates of the cadence the client chose, until day 100: each a
 * milestone-update email, routed when it falls due by the client's channel (a call task when it is the phone).
 */
export async function cadenceUpdateSteps(tx: Queryable, engine: Engine, dealId: string, handoff: Handoff, now: number): Promise<NewStep[]> {
  const cadence = handoff.items.channel?.values.cadence;
  if (!isCadence(cadence)) return [];
  const [row] = await tx.query<{ day_zero: string | number | null }>('SELECT day_zero FROM deal_onboarding WHERE deal_id = $1', [dealId]);
  if (row?.day_zero == null) return [];
  const until = checkpointStart(Number(row.day_zero), LAST_DAY, engine.playbook.timezone);
  const times = cadenceUpdateTimes(cadence, now, until, (from, businessDays) => engine.calendar.dueAt(from, { businessDays }));
  return times.map((at, n) => ({
    effectKey: `${dealId}:cadence:${now}:progress-update-${n + 1}`,
    entryId: null,
    dealId,
    kind: 'email',
    stepId: `progress-update-${n + 1}`,
    dueAt: at,
    runAt: at,
    payload: { template: 'milestone-update', to: 'all_contacts', contactIds: [] },
  }));
}

import type { Queryable } from './db.js';

/** Counts for the status page: how much work there is and whether HubSpot is calling. No personal data. */
export interface StoreStatus {
  dealsInOnboarding: number;
  /** Steps due or being carried out (tasks, emails, updates…). */
  stepsWaiting: number;
  /** Of those, the ones that failed at least once and wait for another attempt (HubSpot down, a rate limit…). */
  stepsRetrying: number;
  /** Steps HubSpot refused for good, after their attempts; each keeps HubSpot's or the mail server's reason. */
  stepsFailed: number;
  /** Stage changes given up on after a refusal that cannot change; `first100 retry` re-queues them. */
  stageChangesFailed: number;
  /** Malformed webhook events set aside (the valid events of their deliveries were stored). */
  eventsSetAside: number;
  /** When the last webhook event was stored (stage change or privacy deletion), epoch ms. */
  lastWebhookAt: number | null;
}

export async function readStoreStatus(db: Queryable): Promise<StoreStatus> {
  const [row] = await db.query<{ deals: number; waiting: number; retrying: number; failed: number; stages_failed: number; set_aside: number; last_webhook: string | null }>(
    `SELECT
       (SELECT count(*) FROM deal_onboarding WHERE phase IS NOT NULL AND NOT lost)::int AS deals,
       (SELECT count(*) FROM steps WHERE status IN ('pending', 'sending'))::int AS waiting,
       (SELECT count(*) FROM steps WHERE status IN ('pending', 'sending') AND last_error IS NOT NULL)::int AS retrying,
       (SELECT count(*) FROM steps WHERE status = 'failed')::int AS failed,
       (SELECT count(*) FROM stage_changes WHERE status = 'failed')::int AS stages_failed,
       (SELECT count(*) FROM set_aside_events)::int AS set_aside,
       -- the reconciliation sweep stores the changes webhooks missed under the event id 'reconciliation'
       (SELECT floor(extract(epoch FROM GREATEST(
          (SELECT received_at FROM stage_changes WHERE event_id IS DISTINCT FROM 'reconciliation' ORDER BY id DESC LIMIT 1),
          (SELECT received_at FROM privacy_deletions ORDER BY id DESC LIMIT 1))) * 1000))::text AS last_webhook`,
  );
  return {
    dealsInOnboarding: Number(row?.deals ?? 0),
    stepsWaiting: Number(row?.waiting ?? 0),
    stepsRetrying: Number(row?.retrying ?? 0),
    stepsFailed: Number(row?.failed ?? 0),
    stageChangesFailed: Number(row?.stages_failed ?? 0),
    eventsSetAside: Number(row?.set_aside ?? 0),
    lastWebhookAt: row?.last_webhook == null ? null : Number(row.last_webhook),
  };
}

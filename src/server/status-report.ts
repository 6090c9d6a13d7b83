import type { StoreStatus } from '../store/status-reads.js';

/** What GET / and `first100 status` say: how this server runs and how its work stands. No secrets, no personal data. */
export interface StatusReport {
  version: string;
  mode: 'live' | 'dry-run';
  database: { kind: 'embedded' | 'postgresql'; reachable: boolean };
  email: string;
  /** Absent when the database cannot be read. */
  work?: StoreStatus;
  /** When the report was made, epoch ms. */
  at: number;
}

export function statusLines(report: StatusReport): string[] {
  const { work } = report;
  const database = `${report.database.kind === 'embedded' ? 'embedded (PGlite)' : 'PostgreSQL'}, ${report.database.reachable ? 'reachable' : 'NOT reachable'}`;
  return [
    `first100 ${report.version}`,
    `mode: ${report.mode === 'live' ? 'live: writes to HubSpot' : 'dry-run: nothing is written to HubSpot (no access token)'}`,
    `database: ${database}`,
    `email: ${report.email}`,
    `last webhook received: ${work ? since(work.lastWebhookAt, report.at) : 'unknown (database not reachable)'}`,
    `deals in onboarding: ${work?.dealsInOnboarding ?? '?'}`,
    `steps waiting: ${work?.stepsWaiting ?? '?'}${work && work.stepsRetrying > 0 ? ` (${work.stepsRetrying} after a failure: HubSpot down or limiting; retried every few minutes until it answers)` : ''}`,
    `failed: ${work ? `${work.stepsFailed} steps, ${work.stageChangesFailed} stage changes` : '?'}${work && work.stepsFailed + work.stageChangesFailed > 0 ? ' (HubSpot refused them; each keeps its reason: fix the cause, then run first100 retry)' : ''}`,
    `malformed webhook events set aside: ${work?.eventsSetAside ?? '?'}`,
  ];
}

function since(at: number | null, now: number): string {
  if (at === null) return 'never';
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  const ago = minutes < 1 ? 'just now' : minutes < 120 ? `${minutes} min ago` : minutes < 2880 ? `${Math.round(minutes / 60)} h ago` : `${Math.round(minutes / 1440)} days ago`;
  return `${new Date(at).toISOString().replace('T', ' ').slice(0, 19)} UTC (${ago})`;
}

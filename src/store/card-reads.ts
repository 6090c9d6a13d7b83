import { healthSignals, type HealthSignals } from '../domain/client-health.js';
import type { Queryable } from './db.js';
import { toDealState, type DealStateRow } from './deal-state-reads.js';
import type { DealState } from './onboarding-store.js';

/** A deal as the cards show it, all from first100's store: its state, name and company, and its health signals. */
export interface DealRecord extends DealState {
  dealId: string;
  /** As HubSpot named it when the deal last entered a phase; null for deals recorded before names were kept. */
  dealName: string | null;
  companyId: string | null;
  signals: HealthSignals;
  /** The client's latest answer on this deal (any survey). */
  lastAnswer: { kind: string; score: number; at: number } | null;
}

interface Row extends DealStateRow {
  deal_name: string | null;
  company_id: string | null;
  silent_since: string | number | null;
  last_feedback: { kind: string; score: number; at: number } | null;
}

const COLUMNS = 'deal_id, phase, entry_id, entered_at, last_change_at, lost, day_zero, deal_name, company_id, silent_since, last_feedback';

function toRecord(r: Row): DealRecord {
  const answer = r.last_feedback;
  return {
    ...toDealState(r),
    dealId: r.deal_id,
    dealName: r.deal_name,
    companyId: r.company_id,
    signals: healthSignals(answer, r.silent_since === null ? null : Number(r.silent_since)),
    lastAnswer: answer ? { kind: answer.kind, score: Number(answer.score), at: Number(answer.at) } : null,
  };
}

/** One deal's record, without locking; undefined when first100 has no onboarding row for it. */
export async function readDealRecord(db: Queryable, dealId: string): Promise<DealRecord | undefined> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM deal_onboarding WHERE deal_id = $1`, [dealId]);
  return row ? toRecord(row) : undefined;
}

/** First100 holds something of this deal (its onboarding or a handoff checklist), so HubSpot had it. */
export async function isDealKnown(db: Queryable, dealId: string): Promise<boolean> {
  const [row] = await db.query<{ known: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM deal_onboarding WHERE deal_id = $1) OR EXISTS (SELECT 1 FROM handoffs WHERE deal_id = $1) AS known',
    [dealId],
  );
  return row?.known === true;
}

export interface CompanyRecord {
  /** As HubSpot named it when one of its deals last entered a phase. */
  name: string | null;
  /** Its deals in onboarding or with an answer, at most `limit`. */
  deals: DealRecord[];
}

/**
 * A company as first100 knows it from its deals (those whose primary company it is); undefined when first100
 * knows no deal of it.
 */
export async function readCompanyRecord(db: Queryable, companyId: string, limit: number): Promise<CompanyRecord | undefined> {
  const [company] = await db.query<{ name: string | null; known: boolean }>(
    `SELECT (SELECT name FROM company_names WHERE company_id = $1) AS name,
            EXISTS (SELECT 1 FROM company_names WHERE company_id = $1) OR EXISTS (SELECT 1 FROM deal_onboarding WHERE company_id = $1) AS known`,
    [companyId],
  );
  if (!company?.known) return undefined;
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM deal_onboarding
      WHERE company_id = $1 AND (phase IS NOT NULL OR last_feedback IS NOT NULL)
      ORDER BY deal_id LIMIT $2`,
    [companyId, limit],
  );
  return { name: company.name, deals: rows.map(toRecord) };
}

/** A step of the deal's current phase entry as the deal card lists it; absent fields are null. */
export interface PlannedStep {
  kind: 'task' | 'email' | 'advance';
  dueAt: number;
  status: string;
  title: string | null;
  assignee: string | null;
  ownerId: string | null;
  template: string | null;
  survey: string | null;
  touchpoint: string | null;
  to: string | null;
}

/**
 * The tasks, emails and timed advance a phase entry planned, not cancelled, soonest first: only the fields the card
 * shows, not the whole payloads (a task's body can be long).
 */
export async function readPlannedSteps(db: Queryable, dealId: string, entryId: string, limit: number): Promise<PlannedStep[]> {
  const rows = await db.query<Omit<PlannedStep, 'dueAt' | 'ownerId'> & { due_at: string | number; owner_id: string | null }>(
    `SELECT kind, due_at, status, payload->'task'->>'subject' AS title, payload->>'assignee' AS assignee,
            payload->'task'->>'ownerId' AS owner_id, payload->>'template' AS template, payload->>'survey' AS survey,
            payload->>'touchpoint' AS touchpoint, payload->>'to' AS "to"
       FROM steps
      WHERE deal_id = $1 AND entry_id = $2 AND kind IN ('task', 'email', 'advance') AND status <> 'cancelled'
      ORDER BY due_at, id LIMIT $3`,
    [dealId, entryId, limit],
  );
  return rows.map(({ due_at, owner_id, ...r }) => ({ ...r, dueAt: Number(due_at), ownerId: owner_id }));
}

import { newHandoff } from '../../src/domain/handoff.js';
import { HANDOFF_ITEM_KEYS } from '../../src/domain/handoff-items.js';
import type { Queryable } from '../../src/store/db.js';

export const ALL_ITEMS: string[] = [...HANDOFF_ITEM_KEYS];

/** A moment in Rome's winter time (UTC+1), written as the local date and hour: "2026-11-02 10:00". */
export const rome = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+01:00`);

export interface FixtureDeal {
  id: string;
  name: string;
  company?: { id: string; name: string };
  pm?: string;
  pipeline?: string;
  dayZero?: string;
  /** Phase entries in order, as [phase, local moment]; the last is the current phase. */
  entries: [string, string][];
  lost?: boolean;
  silentSince?: string;
  lastFeedback?: { kind: string; score: number; at: string };
}

/** Writes a deal's onboarding as first100's store holds it: its phase entries and its current state. */
export async function insertDeal(db: Queryable, d: FixtureDeal): Promise<{ entryIds: string[] }> {
  const entryIds: string[] = [];
  let from: string | null = null;
  for (const [phase, at] of d.entries) {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO phase_entries (deal_id, phase, from_phase, entered_at, cause) VALUES ($1, $2, $3, $4, 'fixture') RETURNING id`,
      [d.id, phase, from, rome(at)],
    );
    entryIds.push(String(row!.id));
    from = phase;
  }
  const [phase, at] = d.entries[d.entries.length - 1]!;
  await db.query(
    `INSERT INTO deal_onboarding (deal_id, phase, entry_id, entered_at, lost, day_zero, deal_name, company_id, pm_owner_id, pipeline_id, silent_since, last_feedback)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)`,
    [
      d.id, phase, entryIds[entryIds.length - 1], rome(at), d.lost ?? false, d.dayZero ? rome(d.dayZero) : null, d.name, d.company?.id ?? null,
      d.pm ?? null, d.pipeline ?? 'default', d.silentSince ? rome(d.silentSince) : null,
      d.lastFeedback ? JSON.stringify({ requestId: '1', kind: d.lastFeedback.kind, score: d.lastFeedback.score, touchpoint: 'fixture', at: rome(d.lastFeedback.at) }) : null,
    ],
  );
  if (d.company) {
    await db.query('INSERT INTO company_names (company_id, name) VALUES ($1, $2) ON CONFLICT (company_id) DO NOTHING', [d.company.id, d.company.name]);
  }
  return { entryIds };
}

let keys = 0;

export interface FixtureTask {
  dealId: string;
  entryId: string;
  stepId: string;
  due: string;
  completed?: string;
  status?: string;
  kind?: 'task' | 'email' | 'advance';
  title?: string;
}

/** A step first100 planned (created in HubSpot); a task may have been found completed there. */
export async function insertStep(db: Queryable, t: FixtureTask): Promise<void> {
  keys += 1;
  const payload = t.kind === 'email' ? { template: t.title ?? 'welcome' } : t.kind === 'advance' ? { to: t.title ?? 'acclimate' } : { task: { subject: t.title ?? t.stepId }, assignee: 'pm' };
  await db.query(
    `INSERT INTO steps (effect_key, entry_id, deal_id, kind, step_id, due_at, payload, status, run_at, hubspot_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $6, $9)`,
    [`fixture-${keys}-${t.dealId}-${t.stepId}`, t.entryId, t.dealId, t.kind ?? 'task', t.stepId, rome(t.due), JSON.stringify(payload), t.status ?? 'done', `task-${keys}`],
  );
  // The health sweep records the tasks it found completed in HubSpot.
  if (t.completed) await db.query('INSERT INTO task_completions (task_id, deal_id, completed_at) VALUES ($1, $2, $3)', [`task-${keys}`, t.dealId, rome(t.completed)]);
}

export interface FixtureSurvey {
  dealId: string;
  survey: string;
  touchpoint: string;
  sent: string;
  answer?: { score: number; at: string };
}

/** A survey sent to one contact, and its answer if the client gave one. */
export async function insertSurvey(db: Queryable, s: FixtureSurvey): Promise<void> {
  keys += 1;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO feedback_requests (token_hash, effect_key, deal_id, contact_id, survey, touchpoint, locale, created_at, expires_at)
     VALUES ($1, $1, $2, '9001', $3, $4, 'en', $5, $5 + 2592000000) RETURNING id`,
    [`fixture-${keys}`, s.dealId, s.survey, s.touchpoint, rome(s.sent)],
  );
  if (s.answer) {
    await db.query('INSERT INTO feedback_answers (request_id, score, first_answered_at, answered_at) VALUES ($1, $2, $3, $3)', [row!.id, s.answer.score, rome(s.answer.at)]);
  }
}

/** An accepted handoff checklist in which these items were accepted (the others left empty). */
export async function insertAcceptedHandoff(db: Queryable, dealId: string, acceptedItems: string[], acceptedAt: string): Promise<void> {
  const h = newHandoff();
  for (const key of acceptedItems) Object.assign(h.items[key as keyof typeof h.items], { status: 'accepted', acceptedBy: 'pm@acme.example', acceptedAt: rome(acceptedAt) });
  Object.assign(h, { status: 'accepted', submittedBy: 'rep@acme.example', submittedAt: rome(acceptedAt), acceptedBy: 'pm@acme.example', acceptedAt: rome(acceptedAt) });
  await db.query('INSERT INTO handoffs (deal_id, status, state) VALUES ($1, $2, $3::jsonb)', [dealId, h.status, JSON.stringify(h)]);
}

/** A question a PM asked sales about one checklist item. */
export async function insertQuestion(db: Queryable, dealId: string, item: string, at: string): Promise<void> {
  await db.query(
    `INSERT INTO handoff_events (deal_id, at, actor_user_id, actor_email, action, items, comment) VALUES ($1, $2, '1002', NULL, 'ask', $3::jsonb, 'which?')`,
    [dealId, rome(at), JSON.stringify([item])],
  );
}

/** A deal's computed health as the health recomputation stores it (src/store/deal-health-store.ts). */
export async function insertComputedHealth(db: Queryable, dealId: string, h: { health: string; phase: string; reasons: unknown[]; overdue: number; goLive: string | null; slip: number | null; daysInPhase: number; expected: number | null }): Promise<void> {
  await db.query(
    `INSERT INTO deal_health (deal_id, health, reasons, phase, business_days_in_phase, expected_business_days, due_tasks, overdue_tasks, projected_go_live, slip_business_days, computed_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $7, $8, $9, 0)`,
    [dealId, h.health, JSON.stringify(h.reasons), h.phase, h.daysInPhase, h.expected, h.overdue, h.goLive, h.slip],
  );
}

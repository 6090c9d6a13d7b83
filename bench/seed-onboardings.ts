import type { Queryable } from '../src/store/db.js';
import { HANDOFF_ITEM_KEYS } from '../src/domain/handoff-items.js';
import { newHandoff } from '../src/domain/handoff.js';

/** A day in ms, as a bigint in SQL: day counts times it overflow a 32-bit integer. */
const DAY = '86400000::bigint';

/**
 * `count` onboardings as first100's store holds them after months of work, written straight into the store with
 * set-based SQL (a deterministic random sequence): each deal in a phase after the sale, with its phase history
 * (one entry per phase reached, a few business days apart), three playbook tasks per entry created in HubSpot (most
 * found completed, some late, some open), its computed health, three surveys (most answered), an accepted handoff with the questions asked back, its PM (one of
 * 25), pipeline (one of 2) and company. About 5 % are silent, 4 % had a detractor answer, 2 % are lost.
 */
export async function seedOnboardings(db: Queryable, count: number, now: number): Promise<void> {
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `INSERT INTO company_names (company_id, name) SELECT (800000 + g)::text, 'Client ' || g FROM generate_series(1, $1) g`,
    [count],
  );
  // reached: how many phases after the sale the deal went through (1 = admit … 7 = advocate), weighted to the middle.
  await db.query(
    `CREATE TEMP TABLE seed_deals AS
       SELECT g, (900000 + g)::text AS deal_id, LEAST(7, 1 + floor(random() * 4 + random() * 4))::int AS reached,
              $2::bigint - floor(random() * 200 + 5)::bigint * ${DAY} AS day_zero, random() AS r1, random() AS r2
         FROM generate_series(1, $1) g`,
    [count, now],
  );
  const phases = `(ARRAY['admit','affirm','activate','acclimate','accomplish','adopt','advocate'])`;
  // Entry k of a deal enters its phase k-1 … after day zero, spreading the deal's days since day zero over its phases.
  await db.query(
    `INSERT INTO phase_entries (deal_id, phase, from_phase, entered_at, cause)
       SELECT d.deal_id, ${phases}[k], CASE WHEN k > 1 THEN ${phases}[k - 1] END,
              d.day_zero + ((($1::bigint - d.day_zero) * (k - 1)) / d.reached) + floor(random() * 3600000)::bigint, 'seed'
         FROM seed_deals d, generate_series(1, 7) k WHERE k <= d.reached`,
    [now],
  );
  await db.query(
    `INSERT INTO deal_onboarding (deal_id, phase, entry_id, entered_at, lost, day_zero, deal_name, company_id, pm_owner_id, pipeline_id, silent_since, last_feedback)
       SELECT d.deal_id, e.phase, e.id, e.entered_at, d.r1 < 0.02, d.day_zero, 'Onboarding ' || d.g, (800000 + d.g)::text,
              (5000 + d.g % 25)::text, CASE WHEN d.g % 3 = 0 THEN 'renewals' ELSE 'default' END,
              CASE WHEN d.r2 < 0.05 THEN $1::bigint - 3 * ${DAY} END,
              CASE WHEN d.r2 BETWEEN 0.05 AND 0.45 THEN jsonb_build_object('requestId', '0', 'kind', 'NPS', 'score', CASE WHEN d.r2 < 0.09 THEN 3 ELSE 9 END, 'touchpoint', 'seed', 'at', $1::bigint - 10 * ${DAY}) END
         FROM seed_deals d JOIN LATERAL (SELECT id, phase, entered_at FROM phase_entries WHERE deal_id = d.deal_id ORDER BY entered_at DESC LIMIT 1) e ON true`,
    [now],
  );
  await db.query(
    `INSERT INTO steps (effect_key, entry_id, deal_id, kind, step_id, due_at, payload, status, run_at, hubspot_id)
       SELECT 'seed-' || e.id || '-' || t, e.id, e.deal_id, 'task', 'task-' || e.phase || '-' || t, e.entered_at + t * 2 * ${DAY},
              jsonb_build_object('task', jsonb_build_object('subject', 'Step ' || t || ' of ' || e.phase), 'assignee', 'pm'),
              CASE WHEN e.entered_at + t * 2 * ${DAY} > $1::bigint THEN 'pending' ELSE 'done' END, e.entered_at + t * 2 * ${DAY},
              'seed-task-' || e.id || '-' || t
         FROM phase_entries e, generate_series(1, 3) t`,
    [now],
  );
  // The health sweep found 80 % of them completed, most on time.
  await db.query(
    `INSERT INTO task_completions (task_id, deal_id, completed_at)
       SELECT hubspot_id, deal_id, due_at + floor((random() - 0.7) * 3 * ${DAY})::bigint FROM steps WHERE hubspot_id LIKE 'seed-task-%' AND random() < 0.8`,
  );
  // And computed every deal's health: mostly on track, some behind, stuck, silent or at risk, with a reason each.
  await db.query(
    `INSERT INTO deal_health (deal_id, health, reasons, phase, business_days_in_phase, expected_business_days, due_tasks, overdue_tasks, projected_go_live, slip_business_days, computed_at)
       SELECT deal_id, h, CASE h WHEN 'on_track' THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('kind', 'silent', 'since', $1::bigint - 5 * ${DAY})) END,
              phase, 10, 15, 3, CASE h WHEN 'behind' THEN 2 ELSE 0 END, '2027-04-01', floor(random() * 10)::int - 3, $1::bigint
         FROM (SELECT deal_id, phase, (ARRAY['on_track','on_track','on_track','on_track','behind','stuck','silent','at_risk','needs_attention'])[1 + floor(random() * 9)::int] AS h
                 FROM deal_onboarding WHERE phase IS NOT NULL AND NOT lost) x`,
    [now],
  );
  await db.query(
    `INSERT INTO feedback_requests (token_hash, effect_key, deal_id, contact_id, survey, touchpoint, phase, locale, created_at, expires_at)
       SELECT 'seed-' || e.id, 'seed-' || e.id, e.deal_id, '1', CASE e.phase WHEN 'activate' THEN 'CSAT' WHEN 'acclimate' THEN 'CES' ELSE 'NPS' END,
              'After ' || e.phase, e.phase, 'en', e.entered_at + ${DAY}, e.entered_at + 31 * ${DAY}
         FROM phase_entries e WHERE e.phase IN ('activate', 'acclimate', 'accomplish') AND e.entered_at + ${DAY} < $1::bigint`,
    [now],
  );
  await db.query(
    `INSERT INTO feedback_answers (request_id, score, first_answered_at, answered_at)
       SELECT r.id, CASE r.survey WHEN 'NPS' THEN floor(random() * 11) WHEN 'CSAT' THEN 1 + floor(random() * 5) ELSE 1 + floor(random() * 7) END,
              LEAST($1::bigint, r.created_at + ${DAY}), LEAST($1::bigint, r.created_at + ${DAY})
         FROM feedback_requests r WHERE random() < 0.6`,
    [now],
  );
  const accepted = newHandoff();
  for (const key of HANDOFF_ITEM_KEYS) Object.assign(accepted.items[key], { status: 'accepted', acceptedBy: 'pm@bench.invalid' });
  await db.query(
    `INSERT INTO handoffs (deal_id, status, state)
       SELECT e.deal_id, 'accepted', jsonb_set($1::jsonb, '{acceptedAt}', to_jsonb(e.entered_at)) FROM phase_entries e WHERE e.phase = 'activate'`,
    [JSON.stringify({ ...accepted, status: 'accepted' })],
  );
  await db.query(
    `INSERT INTO handoff_events (deal_id, at, actor_user_id, action, items, comment)
       SELECT e.deal_id, e.entered_at - ${DAY}, '2002', 'ask', jsonb_build_array((ARRAY['goals','risks','promises','stakeholders'])[1 + floor(random() * 4)::int]), 'which?'
         FROM phase_entries e WHERE e.phase = 'affirm' AND random() < 0.5`,
  );
  await db.query('DROP TABLE seed_deals');
  await db.query('ANALYZE');
}

import type { Queryable } from '../../src/store/db.js';
import { ALL_ITEMS, insertAcceptedHandoff, insertComputedHealth, insertDeal, insertQuestion, insertStep, insertSurvey, rome } from './portfolio-fixture.js';

/** "Now" for the portfolio fixture: Friday 4 December 2026, 15:00 in Rome. */
export const PORTFOLIO_NOW = rome('2026-12-04 15:00');

/**
 * Eight deals whose figures were worked out by hand (Rome, Italian holidays: no weekday holiday in November 2026).
 *
 * Business days spent per completed phase (entry → next entry):
 *   A: admit Nov 2→3 = 1, affirm Nov 3→9 = 4, activate Nov 9→16 = 5 (now in acclimate)
 *   B: admit Nov 2→4 = 2, affirm Nov 4→23 = 13, activate Nov 23→27 = 4, acclimate Nov 27→Dec 4 = 5 (now in accomplish)
 *   C: admit Nov 9→10 = 1, affirm Nov 10→16 = 4 (now in activate)
 * Day zero → activate: A 5, B 15, C 5; → accomplish: B 24.
 * Tasks due by now: PM 201 (A, C): 4 due, 2 on time; PM 202 (B): 1 due, 1 on time; B's kickoff falls due after now.
 */
export async function seedPortfolio(db: Queryable): Promise<void> {
  const a = await insertDeal(db, {
    id: '101', name: 'Acme rollout', company: { id: '501', name: 'Acme' }, pm: '201', dayZero: '2026-11-02 10:00',
    entries: [['admit', '2026-11-02 10:00'], ['affirm', '2026-11-03 10:00'], ['activate', '2026-11-09 10:00'], ['acclimate', '2026-11-16 10:00']],
    lastFeedback: { kind: 'NPS', score: 9, at: '2026-11-21 10:00' },
  });
  const b = await insertDeal(db, {
    id: '102', name: 'Borealis ERP', company: { id: '502', name: 'Borealis' }, pm: '202', dayZero: '2026-11-02 10:00',
    entries: [['admit', '2026-11-02 10:00'], ['affirm', '2026-11-04 10:00'], ['activate', '2026-11-23 10:00'], ['acclimate', '2026-11-27 10:00'], ['accomplish', '2026-12-04 10:00']],
    lastFeedback: { kind: 'CSAT', score: 2, at: '2026-11-25 10:00' },
  });
  const c = await insertDeal(db, {
    id: '103', name: 'Cobalt CRM', company: { id: '503', name: 'Cobalt' }, pm: '201', pipeline: '987654', dayZero: '2026-11-09 10:00',
    entries: [['admit', '2026-11-09 10:00'], ['affirm', '2026-11-10 10:00'], ['activate', '2026-11-16 10:00']],
    lastFeedback: { kind: 'NPS', score: 7, at: '2026-11-20 10:00' },
  });
  await insertDeal(db, { id: '104', name: 'Dune lost', pm: '201', dayZero: '2026-11-02 10:00', entries: [['admit', '2026-11-02 10:00']], lost: true });
  await insertDeal(db, { id: '105', name: 'Echo prospect', pm: '201', entries: [['assess', '2026-11-02 10:00']] });
  await insertDeal(db, {
    id: '106', name: 'Fjord quiet', company: { id: '506', name: 'Fjord' }, pm: '202', dayZero: '2026-11-16 10:00',
    entries: [['acclimate', '2026-11-25 10:00']], silentSince: '2026-11-30 09:00',
  });
  await insertDeal(db, {
    id: '107', name: 'Gamma unhappy', company: { id: '507', name: 'Gamma' }, pm: '203', dayZero: '2026-11-12 10:00',
    entries: [['activate', '2026-11-20 10:00']], lastFeedback: { kind: 'NPS', score: 3, at: '2026-12-01 10:00' },
  });
  // H: its health computed by the health recomputation: stuck, past the phase's expected time, go-live slipping.
  await insertDeal(db, {
    id: '108', name: 'Helix platform', company: { id: '508', name: 'Helix' }, pm: '203', dayZero: '2026-09-01 10:00',
    entries: [['adopt', '2026-10-01 10:00']],
  });
  await insertComputedHealth(db, '108', {
    health: 'stuck', phase: 'adopt', daysInPhase: 48, expected: 40, overdue: 2, goLive: '2027-03-01', slip: 5,
    reasons: [{ kind: 'over-expected', phase: 'adopt', businessDaysInPhase: 48, expectedBusinessDays: 40, overBy: 8 }],
  });

  const [aAdmit, , aActivate, aAcclimate] = a.entryIds;
  await insertStep(db, { dealId: '101', entryId: aAdmit!, stepId: 'welcome-call', due: '2026-11-03 09:00', completed: '2026-11-03 16:00' });
  await insertStep(db, { dealId: '101', entryId: aActivate!, stepId: 'kickoff', due: '2026-11-10 09:00', completed: '2026-11-12 11:00' });
  await insertStep(db, { dealId: '101', entryId: aAcclimate!, stepId: 'plan', due: '2026-11-17 09:00' });
  await insertStep(db, { dealId: '101', entryId: aAcclimate!, stepId: 'milestone-update', due: '2026-12-07 09:00', kind: 'email', title: 'milestone-update', status: 'pending' });
  await insertStep(db, { dealId: '101', entryId: aAcclimate!, stepId: 'old-cancelled', due: '2026-11-18 09:00', status: 'cancelled' });
  await insertStep(db, { dealId: '103', entryId: c.entryIds[0]!, stepId: 'welcome-call', due: '2026-11-10 09:00', completed: '2026-11-09 17:00' });
  await insertStep(db, { dealId: '103', entryId: c.entryIds[2]!, stepId: 'kickoff', due: '2026-12-09 09:00', status: 'pending', title: 'Hold the kickoff with Cobalt' });
  await insertStep(db, { dealId: '102', entryId: b.entryIds[0]!, stepId: 'welcome-call', due: '2026-11-03 09:00', completed: '2026-11-03 09:30' });
  await insertStep(db, { dealId: '102', entryId: b.entryIds[4]!, stepId: 'kickoff', due: '2026-12-10 09:00' });

  await insertSurvey(db, { dealId: '101', survey: 'CSAT', touchpoint: 'Kickoff', sent: '2026-11-10 10:00', answer: { score: 4, at: '2026-11-11 10:00' } });
  await insertSurvey(db, { dealId: '102', survey: 'CSAT', touchpoint: 'Kickoff', sent: '2026-11-24 10:00', answer: { score: 2, at: '2026-11-25 10:00' } });
  await insertSurvey(db, { dealId: '103', survey: 'CSAT', touchpoint: 'Kickoff', sent: '2026-11-17 10:00' });
  await insertSurvey(db, { dealId: '101', survey: 'NPS', touchpoint: 'First 90 days', sent: '2026-11-20 10:00', answer: { score: 9, at: '2026-11-21 10:00' } });

  await insertAcceptedHandoff(db, '101', ALL_ITEMS, '2026-11-06 10:00');
  await insertAcceptedHandoff(db, '102', ALL_ITEMS.filter((i) => i !== 'relationship' && i !== 'risks'), '2026-11-20 10:00');
  await insertQuestion(db, '101', 'goals', '2026-11-05 10:00');
  await insertQuestion(db, '102', 'goals', '2026-11-18 10:00');
  await insertQuestion(db, '102', 'risks', '2026-11-18 11:00');
  await insertQuestion(db, '101', 'promises', '2026-08-01 10:00');
}

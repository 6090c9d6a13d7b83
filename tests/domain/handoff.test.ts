import { describe, expect, it } from 'vitest';
import { applyHandoffAction, completeness, handoffProperties, HandoffRuleError, newHandoff, type Handoff, type HandoffAction } from '../../src/domain/handoff.js';
import { HANDOFF_ITEMS } from '../../src/domain/handoff-items.js';

const SALES = '1001';
const PM = '2002';
const REQUIRED = HANDOFF_ITEMS.filter((i) => i.required).map((i) => i.key);
const FILLED = {
  goals: { goals: 'Close in 3 days' },
  success_criteria: { success_criteria: 'March close in 3 days' },
  stakeholders: { stakeholders: 'CFO' },
  promises: { promises: 'Two trainings' },
  fears: { remorse_type: 'capability', fears_notes: 'New tool during closing' },
  channel: { channel: 'email', cadence: 'weekly' },
  risks: { risks: 'Audit in February' },
  kickoff_date: { kickoff_date: '2026-12-14' },
};

function run(h: Handoff, ...steps: [HandoffAction, string][]): Handoff {
  return steps.reduce((state, [action, actor], i) => applyHandoffAction(state, action, actor, 1000 + i).handoff, h);
}
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof HandoffRuleError) return { code: error.code, status: error.status, items: error.items };
    throw error;
  }
  throw new Error('not refused');
};

describe('handoff checklist rules', () => {
  it('starts empty; a save makes a draft and marks complete items filled', () => {
    const h = run(newHandoff(), [{ type: 'save', values: { goals: FILLED.goals, fears: { remorse_type: 'capability' } } }, SALES]);
    expect(h.status).toBe('draft');
    expect(h.items.goals.status).toBe('filled');
    expect(h.items.fears.status).toBe('incomplete'); // one of its two fields is empty
    expect(completeness(h)).toBe(0);
  });

  it('refuses to submit with required items empty, naming them', () => {
    const h = run(newHandoff(), [{ type: 'save', values: { goals: FILLED.goals } }, SALES]);
    expect(refusal(() => applyHandoffAction(h, { type: 'submit' }, SALES, 2000))).toEqual({
      code: 'HANDOFF_INCOMPLETE',
      status: 422,
      items: REQUIRED.filter((k) => k !== 'goals'),
    });
  });

  it('submit → accept every required item → accepted, 100% complete, by whom and when', () => {
    const submitted = run(newHandoff(), [{ type: 'submit', values: FILLED }, SALES]);
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: SALES, submittedAt: 1000 });
    const change = applyHandoffAction(submitted, { type: 'accept', items: REQUIRED }, PM, 5000);
    expect(change.accepted).toBe(true);
    expect(change.handoff).toMatchObject({ status: 'accepted', acceptedBy: PM, acceptedAt: 5000 });
    expect(change.handoff.items.goals).toMatchObject({ status: 'accepted', acceptedBy: PM, acceptedAt: 5000 });
    expect(completeness(change.handoff)).toBe(100);
  });

  it('accepting part of it counts the share of required items', () => {
    const h = run(newHandoff(), [{ type: 'submit', values: FILLED }, SALES], [{ type: 'accept', items: ['goals', 'risks'] }, PM]);
    expect(h.status).toBe('submitted');
    expect(completeness(h)).toBe(25);
  });

  it('a question sends it back; sales answers and resubmits; the answered item needs accepting again', () => {
    let h = run(newHandoff(), [{ type: 'submit', values: FILLED }, SALES], [{ type: 'accept', items: REQUIRED }, PM]);
    h = run(h, [{ type: 'ask', item: 'promises', text: 'On site or remote?' }, PM]);
    expect(h).toMatchObject({ status: 'changes_requested', acceptedBy: null });
    expect(h.items.promises.status).toBe('question');
    expect(refusal(() => applyHandoffAction(h, { type: 'submit' }, SALES, 3000)).code).toBe('HANDOFF_OPEN_QUESTIONS');

    h = run(h, [{ type: 'submit', answers: { promises: 'Remote' } }, SALES]);
    expect(h.status).toBe('submitted');
    expect(h.items.promises).toMatchObject({ status: 'filled', thread: [{ kind: 'question', by: PM }, { kind: 'answer', by: SALES, text: 'Remote' }] });
    expect(completeness(h)).toBe(88);
    const done = applyHandoffAction(h, { type: 'accept', items: ['promises'] }, PM, 9000);
    expect(done.accepted).toBe(true);
  });

  it('editing an accepted item takes its acceptance away', () => {
    const h = run(newHandoff(), [{ type: 'submit', values: FILLED }, SALES], [{ type: 'accept', items: ['goals'] }, PM], [{ type: 'ask', item: 'risks', text: 'Which audit?' }, PM]);
    const edited = run(h, [{ type: 'save', values: { goals: { goals: 'Close in 2 days' } } }, SALES]);
    expect(edited.items.goals).toMatchObject({ status: 'filled', acceptedBy: null });
  });

  it('the submitter cannot review their own handoff', () => {
    const h = run(newHandoff(), [{ type: 'submit', values: FILLED }, SALES]);
    expect(refusal(() => applyHandoffAction(h, { type: 'accept', items: ['goals'] }, SALES, 2000))).toMatchObject({ code: 'HANDOFF_SELF_REVIEW', status: 403 });
    expect(refusal(() => applyHandoffAction(h, { type: 'ask', item: 'goals', text: '?' }, SALES, 2000)).code).toBe('HANDOFF_SELF_REVIEW');
  });

  it('nothing is reviewed before it is submitted; an accepted handoff is closed to edits', () => {
    expect(refusal(() => applyHandoffAction(newHandoff(), { type: 'accept', items: ['goals'] }, PM, 1)).code).toBe('HANDOFF_NOT_SUBMITTED');
    const accepted = run(newHandoff(), [{ type: 'submit', values: FILLED }, SALES], [{ type: 'accept', items: REQUIRED }, PM]);
    expect(refusal(() => applyHandoffAction(accepted, { type: 'save', values: { goals: { goals: 'x' } } }, SALES, 1)).code).toBe('HANDOFF_ACCEPTED');
  });

  it('checks values: known fields, choices from the list, real dates', () => {
    const h = newHandoff();
    expect(refusal(() => applyHandoffAction(h, { type: 'save', values: { goals: { nope: 'x' } } }, SALES, 1)).code).toBe('HANDOFF_UNKNOWN_FIELD');
    expect(refusal(() => applyHandoffAction(h, { type: 'save', values: { channel: { channel: 'pigeon' } } }, SALES, 1)).code).toBe('HANDOFF_BAD_OPTION');
    expect(refusal(() => applyHandoffAction(h, { type: 'save', values: { kickoff_date: { kickoff_date: '2026-02-30' } } }, SALES, 1)).code).toBe('HANDOFF_BAD_DATE');
    expect(refusal(() => applyHandoffAction(h, { type: 'save', values: { goals: { goals: 'x'.repeat(2001) } } }, SALES, 1)).code).toBe('HANDOFF_TOO_LONG');
  });

  it('mirrors into the first100_handoff_* deal properties, empty fields as empty strings', () => {
    const h = run(newHandoff(), [{ type: 'submit', values: FILLED }, SALES], [{ type: 'accept', items: ['goals'] }, PM]);
    expect(handoffProperties(h)).toEqual({
      first100_handoff_status: 'submitted',
      first100_handoff_completeness: '13',
      first100_handoff_goals: 'Close in 3 days',
      first100_handoff_starting_point: '',
      first100_handoff_success_criteria: 'March close in 3 days',
      first100_handoff_stakeholders: 'CFO',
      first100_handoff_promises: 'Two trainings',
      first100_handoff_remorse_type: 'capability',
      first100_handoff_fears_notes: 'New tool during closing',
      first100_handoff_relationship: '',
      first100_handoff_channel: 'email',
      first100_handoff_cadence: 'weekly',
      first100_handoff_risks: 'Audit in February',
      first100_handoff_unknowns: '',
      first100_handoff_kickoff_date: '2026-12-14',
    });
  });
});

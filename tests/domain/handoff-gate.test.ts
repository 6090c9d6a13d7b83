import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/domain/business-calendar.js';
import type { DealSnapshot } from '../../src/domain/deal.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { advanceOnHandoff, planPhaseEntry } from '../../src/domain/plan-phase-entry.js';
import { HANDOFF_GATE_PLAYBOOK_PATH, smallPlaybook } from '../support/playbook.js';

const gated = parsePlaybook(readFileSync(HANDOFF_GATE_PLAYBOOK_PATH, 'utf8'), HANDOFF_GATE_PLAYBOOK_PATH);
const calendar = createBusinessCalendar(gated);
const deal: DealSnapshot = { id: '42', name: 'Acme', pipeline: 'default', ownerId: '100', pmOwnerId: '200', closeDate: null, company: null, contactIds: [] };
const enteredAt = Date.parse('2026-12-07T08:00:00Z');

describe('advance on an accepted handoff', () => {
  it('names the phase a playbook moves on to when the handoff is accepted', () => {
    expect(advanceOnHandoff(gated, 'affirm')).toBe('activate');
    expect(advanceOnHandoff(gated, 'admit')).toBeNull(); // admit advances on time
    expect(advanceOnHandoff(smallPlaybook(), 'affirm')).toBeNull();
  });

  it('a phase that waits for the handoff plans no advance until it is accepted', () => {
    const waiting = planPhaseEntry({ deal, phase: 'affirm', enteredAt, playbook: gated, calendar, now: enteredAt });
    expect(waiting.steps.filter((s) => s.kind === 'advance')).toEqual([]);
  });

  it('entered with the handoff already accepted, it moves on at once', () => {
    const now = enteredAt + 60_000;
    const entry = planPhaseEntry({ deal, phase: 'affirm', enteredAt, playbook: gated, calendar, now, handoffAccepted: true });
    expect(entry.steps.filter((s) => s.kind === 'advance')).toEqual([
      { kind: 'advance', stepId: 'advance-to-activate', dueAt: now, to: 'activate', cause: 'handoff accepted' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { DealSnapshot } from '../../src/domain/deal.js';
import { MAX_PROMISE_CHECKS, planPromiseChecks, promisesIn } from '../../src/domain/promise-checks.js';

const deal: DealSnapshot = { id: '42', name: 'ERP rollout', pipeline: 'default', ownerId: '100', pmOwnerId: '200', closeDate: null, company: { id: '7', name: 'Rossi Meccanica' }, contactIds: [] };

describe('the promises recorded at the handoff, checked at the kickoff and at the milestones', () => {
  it('reads one promise per line or per ";", without list markers', () => {
    expect(promisesIn('- Go-live before the summer break\n2) Training included; a weekly call\n\n')).toEqual(['Go-live before the summer break', 'Training included', 'a weekly call']);
    expect(promisesIn('')).toEqual([]);
    expect(promisesIn(null)).toEqual([]);
    const many = Array.from({ length: 12 }, (_, n) => `promise ${n + 1}`).join('\n');
    expect(promisesIn(many)).toHaveLength(MAX_PROMISE_CHECKS);
    expect(promisesIn(many).at(-1)).toBe('promise 8; promise 9; promise 10; promise 11; promise 12');
  });

  it('one task per promise for the PM: kept or at risk, at the kickoff (English)', () => {
    const { tasks } = planPromiseChecks(['Go-live before the summer break', 'Training included'], { moment: { kind: 'kickoff' }, deal, dueAt: 1, locale: 'en' });
    expect(tasks.map((t) => [t.stepId, t.title, t.ownerId])).toEqual([
      ['promise-check-1', 'Promise to Rossi Meccanica: “Go-live before the summer break” – kept or at risk?', '200'],
      ['promise-check-2', 'Promise to Rossi Meccanica: “Training included” – kept or at risk?', '200'],
    ]);
    expect(tasks[0]!.body).toContain('Check it with the team before the kickoff: if it is kept, write "kept"');
    expect(tasks[0]!.body).toContain('if it is at risk, write "at risk", tell the client now');
  });

  it('and at a checkpoint (Italian), the rep\'s words escaped as outside text', () => {
    const { tasks } = planPromiseChecks(['Formazione <inclusa> & gratuita'], { moment: { kind: 'checkpoint', day: 60 }, deal, dueAt: 1, locale: 'it' });
    expect(tasks[0]!.title).toBe('Promessa a Rossi Meccanica: «Formazione <inclusa> & gratuita» – mantenuta o a rischio?');
    expect(tasks[0]!.body).toMatch(/^Formazione &lt;inclusa&gt; &amp; gratuita \(promessa fatta in vendita/);
    expect(tasks[0]!.body).toContain('Verificala con il team al giorno 60: se è mantenuta, scrivi "mantenuta"');
  });
});

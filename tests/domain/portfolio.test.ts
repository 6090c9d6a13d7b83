import { describe, expect, it } from 'vitest';
import { compareNeedingAction, dealsPerPhaseByHealth, matchesFilter, pageOf, type RankedDeal } from '../../src/domain/portfolio.js';
import { exampleContent } from '../../src/domain/playbook-examples.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { readFileSync } from 'node:fs';

const deal = (dealId: string, health: string, daysInPhase: number, expectedDays: number | null = null, phase = 'activate'): RankedDeal => ({
  dealId, phase, pmOwnerId: '201', pipelineId: 'default', health: { value: health }, daysInPhase, expectedDays,
});

describe('portfolio ranking', () => {
  it('puts the deals needing action first: at risk, stuck, behind, silent, lukewarm, on track; an unknown health before on track', () => {
    const deals = [deal('1', 'on_track', 3), deal('2', 'silent', 1), deal('3', 'behind', 1), deal('4', 'mystery', 1), deal('5', 'at_risk', 1), deal('6', 'stuck', 1), deal('7', 'needs_attention', 1)];
    expect(deals.sort(compareNeedingAction).map((d) => d.dealId)).toEqual(['5', '6', '3', '2', '7', '4', '1']);
  });

  it('within a health, the longest past its expected time first, then the longest in its phase, then by id', () => {
    const deals = [deal('1', 'on_track', 9), deal('2', 'on_track', 6, 2), deal('3', 'on_track', 12, 10), deal('4', 'on_track', 9)];
    expect(deals.sort(compareNeedingAction).map((d) => d.dealId)).toEqual(['2', '3', '1', '4']);
  });

  it('filters on each field, all together', () => {
    const d = deal('1', 'silent', 1);
    expect(matchesFilter(d, { pm: '201', phase: 'activate', health: 'silent', pipeline: 'default' })).toBe(true);
    expect(matchesFilter(d, { pm: '202' })).toBe(false);
    expect(matchesFilter(d, { pipeline: 'other' })).toBe(false);
  });

  it('counts per phase in journey order, healths in needs-action order', () => {
    const counts = dealsPerPhaseByHealth([deal('1', 'on_track', 1, null, 'acclimate'), deal('2', 'at_risk', 1, null, 'acclimate'), deal('3', 'on_track', 1, null, 'admit')]);
    expect(counts).toEqual([
      { phase: 'admit', health: 'on_track', count: 1 },
      { phase: 'acclimate', health: 'at_risk', count: 1 },
      { phase: 'acclimate', health: 'on_track', count: 1 },
    ]);
  });

  it('pages', () => {
    expect(pageOf([1, 2, 3], 0, 2)).toEqual({ items: [1, 2], total: 3, next: 2 });
    expect(pageOf([1, 2, 3], 2, 2)).toEqual({ items: [3], total: 3, next: null });
  });
});

describe('example content in a playbook', () => {
  it('finds the example stories the default playbooks ship with, in both languages', () => {
    for (const locale of ['en', 'it']) {
      const path = `playbooks/default.${locale}.yml`;
      const found = exampleContent(parsePlaybook(readFileSync(path, 'utf8'), path));
      expect(found).toHaveLength(5);
      expect(found[0]!.where).toBe('caseHistories.capability');
    }
  });

  it('says nothing once the stories are real', () => {
    const path = 'playbooks/default.en.yml';
    const playbook = parsePlaybook(readFileSync(path, 'utf8'), path);
    playbook.caseHistories = { default: [{ title: 'Rossi Srl went live in six weeks', story: 'True story.' }] };
    expect(exampleContent(playbook)).toEqual([]);
  });
});

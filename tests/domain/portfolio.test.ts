import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartOrder } from '../../src/domain/portfolio.js';
import { exampleContent } from '../../src/domain/playbook-examples.js';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';

describe('portfolio chart', () => {
  it('orders phases by the journey and, within one, healths by need of action (an unknown health before on track); drops empty bars', () => {
    const bars = chartOrder([
      { phase: 'acclimate', health: 'on_track', count: 1 },
      { phase: 'acclimate', health: 'mystery', count: 2 },
      { phase: 'admit', health: 'on_track', count: 1 },
      { phase: 'acclimate', health: 'at_risk', count: 3 },
      { phase: 'adopt', health: 'silent', count: 0 },
    ]);
    expect(bars.map((b) => `${b.phase}/${b.health}`)).toEqual(['admit/on_track', 'acclimate/at_risk', 'acclimate/mystery', 'acclimate/on_track']);
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

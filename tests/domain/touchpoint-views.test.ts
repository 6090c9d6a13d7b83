import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../src/domain/playbook-loader.js';
import { compareTouchpoints, rateableTouchpoints, surveyedTouchpoints } from '../../src/domain/touchpoint-views.js';
import { gapText, teamQuestion, teamRatingNote } from '../../src/domain/touchpoint-words.js';

const repo = join(import.meta.dirname, '../..');
const playbook = (file: string) => parsePlaybook(readFileSync(join(repo, file), 'utf8'), file);
const kickoff = { survey: 'CSAT', touchpoint: 'Kickoff meeting' } as const;

describe('the touchpoints the team rates', () => {
  it('are those the default playbooks survey, in the order the client meets them, each once', () => {
    for (const file of ['playbooks/default.en.yml', 'playbooks/default.it.yml']) {
      const book = playbook(file);
      const listed = surveyedTouchpoints(book);
      const emails = [...Object.values(book.phases).flatMap((p) => p?.emails ?? []), ...book.checkpoints.flatMap((c) => c.emails)].filter((e) => e.survey);
      expect(listed.length).toBeGreaterThanOrEqual(2);
      expect(new Set(listed.map((t) => `${t.survey}:${t.touchpoint}`)).size).toBe(listed.length);
      for (const e of emails) expect(listed).toContainEqual({ survey: e.survey, touchpoint: e.touchpoint });
    }
  });

  it('also include a touchpoint a workflow asked this deal\'s client about', () => {
    const book = playbook('tests/fixtures/playbook.small.yml');
    const asked = [{ survey: 'CES', touchpoint: 'Check-in after a quiet period' } as const];
    expect(rateableTouchpoints(book, asked)).toEqual([kickoff, ...asked]);
    expect(rateableTouchpoints(book, [kickoff])).toEqual([kickoff]);
  });
});

describe('the team\'s view beside the client\'s', () => {
  it('flags a gap of 2 points or more on the same scale, and says who sees it better', () => {
    const [c] = compareTouchpoints([kickoff], [{ ...kickoff, score: 5 }], [{ ...kickoff, score: 3 }]);
    expect(c).toMatchObject({ team: { mean: 5, count: 1 }, client: { mean: 3, count: 1 }, gap: 2, flagged: true, teamSeesBetter: true });
    expect(gapText(c!, 'en')).toBe('The team rates it 2 points better than the client');
    expect(gapText(c!, 'it')).toBe('Il team lo valuta meglio del cliente di 2 punti');
    const [near] = compareTouchpoints([kickoff], [{ ...kickoff, score: 4 }], [{ ...kickoff, score: 3 }]);
    expect(near).toMatchObject({ gap: 1, flagged: false });
    expect(gapText(near!, 'en')).toBe('The team rates it 1 point better than the client');
  });

  it('reads effort the other way round: a team CES of 2 against a client\'s 5 is the team seeing it better', () => {
    const ces = { survey: 'CES', touchpoint: 'Data migration' } as const;
    const [c] = compareTouchpoints([ces], [{ ...ces, score: 2 }], [{ ...ces, score: 5 }]);
    expect(c).toMatchObject({ gap: 3, flagged: true, teamSeesBetter: true });
    const [reverse] = compareTouchpoints([ces], [{ ...ces, score: 6 }], [{ ...ces, score: 1 }]);
    expect(reverse).toMatchObject({ gap: 5, flagged: true, teamSeesBetter: false });
    expect(gapText(reverse!, 'en')).toBe('The client rates it 5 points better than the team');
  });

  it('averages each side (one score per person), and never compares across touchpoints or scales', () => {
    const nps = { survey: 'NPS', touchpoint: 'Kickoff meeting' } as const; // the same words, another scale
    const result = compareTouchpoints(
      [kickoff],
      [{ ...kickoff, score: 5 }, { ...kickoff, score: 4 }, { ...nps, score: 9 }],
      [{ ...kickoff, score: 2 }, { ...kickoff, score: 3 }],
    );
    expect(result).toEqual([
      { ...kickoff, team: { mean: 4.5, count: 2 }, client: { mean: 2.5, count: 2 }, gap: 2, flagged: true, teamSeesBetter: true },
      { ...nps, team: { mean: 9, count: 1 }, client: null, gap: null, flagged: false, teamSeesBetter: null },
    ]);
  });

  it('a touchpoint nobody scored yet is listed with neither side, and equal views are "the same"', () => {
    expect(compareTouchpoints([kickoff], [], [])).toEqual([{ ...kickoff, team: null, client: null, gap: null, flagged: false, teamSeesBetter: null }]);
    const [same] = compareTouchpoints([kickoff], [{ ...kickoff, score: 4 }], [{ ...kickoff, score: 4 }]);
    expect(gapText(same!, 'it')).toBe('Stessa valutazione');
  });

  it('asks the team the client\'s question about the client, in the team\'s words', () => {
    expect(teamQuestion('CES', 'Kickoff meeting', 'en')).toBe('From where the team stands: how much effort did “Kickoff meeting” take on the client\'s side?');
    expect(teamQuestion('CSAT', 'Kickoff', 'it')).toBe('Secondo il team: quanto è soddisfatto il cliente di “Kickoff”?');
  });

  it('notes a rating on the timeline with the client\'s view and the gap, outside text escaped, in both languages', () => {
    const odd = { survey: 'CSAT', touchpoint: 'Kickoff <b>meeting</b>' } as const;
    const [c] = compareTouchpoints([odd], [{ ...odd, score: 5 }, { ...odd, score: 4 }], [{ ...odd, score: 2 }]);
    expect(teamRatingNote(c!, { rater: 'pm@acme.example', score: 5 }, 'en')).toBe(
      '<p><strong>Team\'s view of “Kickoff &lt;b&gt;meeting&lt;/b&gt;” by pm@acme.example: CSAT 5/5</strong></p>' +
        '<p>Team average: CSAT 4.5/5</p><p>Client\'s view: CSAT 2/5 (1 answer)</p>' +
        '<p><strong>Gap of 2 points or more.</strong> The team rates it 2.5 points better than the client</p>',
    );
    const [alone] = compareTouchpoints([kickoff], [{ ...kickoff, score: 3 }], []);
    expect(teamRatingNote(alone!, { rater: 'pm@acme.example', score: 3 }, 'it')).toBe(
      '<p><strong>Valutazione del team su “Kickoff meeting” (pm@acme.example): CSAT 3/5</strong></p><p>Valutazione del cliente: nessuna risposta finora</p>',
    );
  });
});

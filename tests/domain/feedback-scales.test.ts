import { describe, expect, it } from 'vitest';
import { scaledScore, scalePropertyValues, scaleRange } from '../../src/domain/feedback-scales.js';
import { first100Properties } from '../../src/hubspot/first100-properties.js';

describe('every score with its scale', () => {
  it('NPS out of 10, CSAT out of 5, CES out of 7 with what a good effort score is (lower is better), in both languages', () => {
    expect(scaledScore('NPS', 9, 'en')).toBe('NPS 9/10');
    expect(scaledScore('CSAT', 4, 'en')).toBe('CSAT 4/5');
    expect(scaledScore('CES', 2, 'en')).toBe('CES 2/7 (1 = least effort)');
    expect(scaledScore('CES', 2, 'it')).toBe('CES 2/7 (1 = minimo impegno)');
    expect(scaledScore('CSAT', 4.5, 'it')).toBe('CSAT 4,5/5'); // an average, written as Italians write decimals
    expect(scaledScore('NPS', 23 / 3, 'en')).toBe('NPS 7.7/10');
    expect(scaleRange('NPS', 'en')).toBe('NPS 0–10');
    expect(scaleRange('CES', 'it')).toBe('CES 1–7 (1 = minimo impegno)');
  });

  it('an answer writes its own scale\'s score and time, and no other scale', () => {
    const at = Date.parse('2026-12-04T14:00:00Z');
    expect(scalePropertyValues('CSAT', 4, at)).toEqual({ first100_last_csat: '4', first100_last_csat_at: '2026-12-04T14:00:00.000Z' });
    expect(scalePropertyValues('CES', 6, at)).toEqual({ first100_last_ces: '6', first100_last_ces_at: '2026-12-04T14:00:00.000Z' });
    expect(scalePropertyValues('NPS', 0, at)).toEqual({ first100_last_nps: '0', first100_last_nps_at: '2026-12-04T14:00:00.000Z' });
  });
});

describe('the per-scale deal properties `first100 setup` creates', () => {
  it('a number and a date-time per scale, labelled with the scale, in both languages', () => {
    const deals = (locale: 'en' | 'it') => first100Properties(locale).deals;
    const pick = (locale: 'en' | 'it', name: string) => deals(locale).find((p) => p.name === name);
    expect(pick('en', 'first100_last_nps')).toMatchObject({ type: 'number', fieldType: 'number', label: 'Last NPS 0–10', groupName: 'first100' });
    expect(pick('en', 'first100_last_csat')).toMatchObject({ type: 'number', label: 'Last CSAT 1–5' });
    expect(pick('en', 'first100_last_ces')).toMatchObject({ type: 'number', label: 'Last CES 1–7 (1 = least effort)' });
    expect(pick('it', 'first100_last_ces')).toMatchObject({ label: 'Ultimo CES 1–7 (1 = minimo impegno)' });
    for (const kind of ['nps', 'csat', 'ces']) expect(pick('en', `first100_last_${kind}_at`)).toMatchObject({ type: 'datetime', fieldType: 'date' });
    expect(pick('it', 'first100_last_csat_at')!.label).toBe('Ultimo CSAT il');
  });

  it('the combined score stays, described as mixed so nobody averages it', () => {
    const combined = first100Properties('en').deals.find((p) => p.name === 'first100_last_feedback_score')!;
    expect(combined).toMatchObject({ type: 'number', label: 'Last feedback score' });
    expect(combined.description).toContain('Do not average it: use Last NPS, Last CSAT and Last CES');
    expect(first100Properties('it').deals.find((p) => p.name === 'first100_last_feedback_score')!.description).toContain('Non farne la media');
  });
});

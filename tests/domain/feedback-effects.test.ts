import { describe, expect, it } from 'vitest';
import { decideFeedbackEffects } from '../../src/domain/feedback-effects.js';
import { feedbackNote, followUpTask } from '../../src/domain/feedback-notes.js';

describe('what an answer means for the deal', () => {
  it('a detractor on any scale puts the deal at risk and asks the PM to call', () => {
    for (const [survey, score] of [['NPS', 6], ['CSAT', 2], ['CES', 5]] as const) {
      expect(decideFeedbackEffects({ survey, score, phase: 'activate' })).toEqual({ tone: 'detractor', health: 'at_risk', followUp: true, toAdvocate: false });
    }
  });

  it('a lukewarm answer needs attention; a good one is on track', () => {
    expect(decideFeedbackEffects({ survey: 'NPS', score: 8, phase: 'accomplish' })).toEqual({ tone: 'neutral', health: 'needs_attention', followUp: false, toAdvocate: false });
    expect(decideFeedbackEffects({ survey: 'CES', score: 2, phase: 'acclimate' })).toMatchObject({ tone: 'positive', health: 'on_track', followUp: false });
  });

  it('only an NPS promoter in accomplish or adopt moves on to advocate', () => {
    expect(decideFeedbackEffects({ survey: 'NPS', score: 9, phase: 'accomplish' }).toAdvocate).toBe(true);
    expect(decideFeedbackEffects({ survey: 'NPS', score: 10, phase: 'adopt' }).toAdvocate).toBe(true);
    expect(decideFeedbackEffects({ survey: 'NPS', score: 10, phase: 'activate' }).toAdvocate).toBe(false);
    expect(decideFeedbackEffects({ survey: 'NPS', score: 10, phase: 'advocate' }).toAdvocate).toBe(false);
    expect(decideFeedbackEffects({ survey: 'NPS', score: 10, phase: null }).toAdvocate).toBe(false);
    expect(decideFeedbackEffects({ survey: 'CSAT', score: 5, phase: 'accomplish' }).toAdvocate).toBe(false);
  });
});

describe('the note and the task an answer writes', () => {
  const answer = { survey: 'NPS' as const, score: 3, comment: 'Slow <b>replies</b>', touchpoint: 'Delivery', tone: 'detractor' as const };

  it('escapes the client\'s words in the note, in the playbook\'s language', () => {
    expect(feedbackNote(answer, 'it')).toBe(
      '<p><strong>Feedback del cliente: NPS 3/10</strong> (detrattore)</p><p>Punto di contatto: Delivery</p><p>Commento: Slow &lt;b&gt;replies&lt;/b&gt;</p>',
    );
    expect(feedbackNote({ ...answer, comment: null, score: 9, tone: 'positive', previousScore: 3 }, 'en')).toBe(
      '<p><strong>Client feedback changed: NPS 3 → 9/10</strong> (positive)</p><p>Touchpoint: Delivery</p><p>Comment: (no comment)</p>',
    );
  });

  it('gives the PM the score, the touchpoint and the comment, escaped in the task body (rich text in HubSpot), plain in its subject', () => {
    const task = followUpTask({ ...answer, touchpoint: 'R&D <demo>' }, 'en');
    expect(task.subject).toBe('Call back an unhappy client: NPS 3/10 about R&D <demo>');
    expect(task.body.split('\n').slice(0, 2)).toEqual(['The client answered NPS 3/10 about "R&amp;D &lt;demo&gt;".', 'Comment: Slow &lt;b&gt;replies&lt;/b&gt;']);
  });
});

import { SURVEY_SCALES, type AnswerTone, type SurveyKind } from './feedback-scoring.js';
import type { Locale } from './phases.js';
import { escapeHtml, userHtml } from './user-text.js';

/** The note and the follow-up task an answer puts in HubSpot, in the playbook's language. */

export interface AnswerForTeam {
  survey: SurveyKind;
  score: number;
  comment: string | null;
  touchpoint: string;
  tone: AnswerTone;
  /** Set when the client changed an earlier answer. */
  previousScore?: number;
}

const WORDS = {
  answered: { en: 'Client feedback', it: 'Feedback del cliente' },
  changed: { en: 'Client feedback changed', it: 'Feedback del cliente modificato' },
  touchpoint: { en: 'Touchpoint', it: 'Punto di contatto' },
  comment: { en: 'Comment', it: 'Commento' },
  noComment: { en: '(no comment)', it: '(nessun commento)' },
  tone: {
    detractor: { en: 'detractor', it: 'detrattore' },
    neutral: { en: 'neutral', it: 'neutrale' },
    positive: { en: 'positive', it: 'positivo' },
  },
  taskSubject: { en: 'Call back an unhappy client', it: 'Richiama un cliente scontento' },
  taskAdvice: {
    en: 'Call them within a business day: listen first, agree what to fix and by when, then write it on the deal.',
    it: 'Chiamalo entro un giorno lavorativo: prima ascolta, poi concordate che cosa sistemare ed entro quando, e annotalo sulla trattativa.',
  },
  taskScore: { en: 'The client answered', it: 'Il cliente ha risposto' },
  about: { en: 'about', it: 'su' },
};

export function scoreText(survey: SurveyKind, score: number): string {
  return `${survey} ${score}/${SURVEY_SCALES[survey].max}`;
}

/** HTML for hs_note_body: score, tone, touchpoint and the client's own words. */
export function feedbackNote(a: AnswerForTeam, locale: Locale): string {
  const changed = a.previousScore !== undefined;
  const score = changed ? `${a.survey} ${a.previousScore} → ${a.score}/${SURVEY_SCALES[a.survey].max}` : scoreText(a.survey, a.score);
  return (
    `<p><strong>${changed ? WORDS.changed[locale] : WORDS.answered[locale]}: ${escapeHtml(score)}</strong> (${WORDS.tone[a.tone][locale]})</p>` +
    `<p>${WORDS.touchpoint[locale]}: ${userHtml(a.touchpoint)}</p>` +
    `<p>${WORDS.comment[locale]}: ${a.comment ? userHtml(a.comment) : WORDS.noComment[locale]}</p>`
  );
}

/**
 * The PM's urgent task after a detractor's answer. Its subject is plain text (hs_task_subject); its body is rich
 * text in HubSpot (hs_task_body), so the client's words go in through userHtml, as in the note.
 */
export function followUpTask(a: AnswerForTeam, locale: Locale): { subject: string; body: string } {
  return {
    subject: `${WORDS.taskSubject[locale]}: ${scoreText(a.survey, a.score)} ${WORDS.about[locale]} ${a.touchpoint}`,
    body: [
      `${WORDS.taskScore[locale]} ${scoreText(a.survey, a.score)} ${WORDS.about[locale]} "${userHtml(a.touchpoint)}".`,
      `${WORDS.comment[locale]}: ${a.comment ? userHtml(a.comment) : WORDS.noComment[locale]}`,
      WORDS.taskAdvice[locale],
    ].join('\n'),
  };
}

import type { SurveyKind } from './feedback-scoring.js';
import type { Locale } from './phases.js';

/** What a question is about: the touchpoint the playbook or workflow names, and who asks (null: "us"). */
export interface SurveySubject {
  touchpoint: string;
  brand: string | null;
}

interface SurveyWording {
  question: (s: SurveySubject) => string;
  /** What the lowest and the highest score mean (a high effort score is bad). */
  low: string;
  high: string;
}

/**
 * The one wording of each survey, read by the email and by the survey page alike, so the client is asked the
 * same question in both. NPS asks about the company; satisfaction and effort ask about the touchpoint, quoted
 * because its words are the adopter's.
 */
export const SURVEY_WORDING: Record<SurveyKind, Record<Locale, SurveyWording>> = {
  NPS: {
    en: {
      question: ({ brand }) => `How likely are you to recommend ${brand ?? 'us'} to a friend or colleague?`,
      low: 'Not at all likely',
      high: 'Extremely likely',
    },
    it: {
      question: ({ brand }) => (brand ? `Con quale probabilità consigliereste ${brand} a un amico o a un collega?` : 'Con quale probabilità ci consigliereste a un amico o a un collega?'),
      low: 'Per niente probabile',
      high: 'Estremamente probabile',
    },
  },
  CSAT: {
    en: { question: ({ touchpoint }) => `How satisfied are you with “${touchpoint}”?`, low: 'Very dissatisfied', high: 'Very satisfied' },
    it: { question: ({ touchpoint }) => `Quanto siete soddisfatti di “${touchpoint}”?`, low: 'Per niente soddisfatti', high: 'Molto soddisfatti' },
  },
  CES: {
    en: { question: ({ touchpoint }) => `How much effort did “${touchpoint}” take on your side?`, low: 'Very little effort', high: 'A great deal of effort' },
    it: { question: ({ touchpoint }) => `Quanto impegno vi ha richiesto “${touchpoint}”?`, low: 'Pochissimo impegno', high: 'Moltissimo impegno' },
  },
};

export function surveyQuestion(kind: SurveyKind, locale: Locale, subject: SurveySubject): string {
  return SURVEY_WORDING[kind][locale].question(subject);
}

export function scaleEnds(kind: SurveyKind, locale: Locale): { low: string; high: string } {
  const { low, high } = SURVEY_WORDING[kind][locale];
  return { low, high };
}

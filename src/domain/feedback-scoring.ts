/** The three survey kinds first100 asks, and what their scores mean. */
export const SURVEY_KINDS = ['NPS', 'CSAT', 'CES'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** Net Promoter 0–10, satisfaction 1–5, effort 1–7 (a high effort score is bad). */
export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  NPS: { min: 0, max: 10 },
  CSAT: { min: 1, max: 5 },
  CES: { min: 1, max: 7 },
};

/** How an answer reads: a detractor needs the PM now, a positive answer is a client doing well. */
export type AnswerTone = 'detractor' | 'neutral' | 'positive';

export interface FeedbackScore {
  kind: SurveyKind;
  score: number;
}

export function isSurveyKind(value: unknown): value is SurveyKind {
  return typeof value === 'string' && (SURVEY_KINDS as readonly string[]).includes(value);
}

export function isValidScore(kind: SurveyKind, score: number): boolean {
  const { min, max } = SURVEY_SCALES[kind];
  return Number.isInteger(score) && score >= min && score <= max;
}

/** Detractor: NPS ≤ 6, CSAT ≤ 2, CES ≥ 5. Positive: NPS ≥ 9, CSAT ≥ 4, CES ≤ 2. Neutral in between. */
export function toneOf({ kind, score }: FeedbackScore): AnswerTone {
  switch (kind) {
    case 'NPS':
      return score <= 6 ? 'detractor' : score >= 9 ? 'positive' : 'neutral';
    case 'CSAT':
      return score <= 2 ? 'detractor' : score >= 4 ? 'positive' : 'neutral';
    case 'CES':
      return score >= 5 ? 'detractor' : score <= 2 ? 'positive' : 'neutral';
  }
}

/** Only a Net Promoter answer of 9 or 10 makes a promoter, the client to ask for a referral. */
export function isPromoter({ kind, score }: FeedbackScore): boolean {
  return kind === 'NPS' && score >= 9;
}

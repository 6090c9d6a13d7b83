import { dealHealth } from './client-health.js';
import { isPromoter, toneOf, type AnswerTone, type SurveyKind } from './feedback-scoring.js';
import type { Phase } from './phases.js';
import type { Health } from './status-labels.js';

/** Phases in which a promoter's answer moves the deal on to advocate (and its referral ask). */
export const PROMOTER_ADVANCES_FROM: readonly Phase[] = ['accomplish', 'adopt'];

export interface AnsweredSurvey {
  survey: SurveyKind;
  score: number;
  /** The deal's phase when the answer arrives; null when it is not in onboarding. */
  phase: Phase | null;
}

export interface FeedbackDecision {
  tone: AnswerTone;
  /** The deal's health once this answer is in: an answer is contact, so silence ends. */
  health: Health;
  /** The PM must call the client: an urgent task, due the next business day. */
  followUp: boolean;
  /** The deal moves to advocate, whose plan asks for a referral. */
  toAdvocate: boolean;
}

/** What one answer means for the deal. */
export function decideFeedbackEffects({ survey, score, phase }: AnsweredSurvey): FeedbackDecision {
  const tone = toneOf({ kind: survey, score });
  return {
    tone,
    health: dealHealth({ lastTone: tone, silentSince: null }),
    followUp: tone === 'detractor',
    toAdvocate: isPromoter({ kind: survey, score }) && phase !== null && PROMOTER_ADVANCES_FROM.includes(phase),
  };
}

/** The open question's answer is read by people: a few paragraphs at most. */
export const MAX_COMMENT_CHARS = 2000;

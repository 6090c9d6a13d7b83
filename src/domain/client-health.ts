import { isSurveyKind, toneOf, type AnswerTone } from './feedback-scoring.js';
import type { Health } from './status-labels.js';

/** What a deal's health is derived from; nothing else is stored. */
export interface HealthSignals {
  /** The tone of the client's latest feedback answer on this deal, if any. */
  lastTone: AnswerTone | null;
  /** Since when the client has been silent past the playbook's limit; null when they are not. */
  silentSince: number | null;
}

/** A deal's signals from what the store keeps of it: its latest answer (survey kind and score) and its silence. */
export function healthSignals(lastAnswer: { kind: string; score: number | string } | null, silentSince: number | null): HealthSignals {
  const lastTone = lastAnswer && isSurveyKind(lastAnswer.kind) ? toneOf({ kind: lastAnswer.kind, score: Number(lastAnswer.score) }) : null;
  return { lastTone, silentSince };
}

/** A detractor answer outweighs silence, silence outweighs a lukewarm answer; a later good answer clears all. */
export function dealHealth({ lastTone, silentSince }: HealthSignals): Health {
  if (lastTone === 'detractor') return 'at_risk';
  if (silentSince !== null) return 'silent';
  if (lastTone === 'neutral') return 'needs_attention';
  return 'on_track';
}

const SEVERITY: Health[] = ['on_track', 'needs_attention', 'silent', 'at_risk'];

/** A company is as healthy as its least healthy onboarding deal. */
export function companyHealth(deals: Health[]): Health | null {
  if (deals.length === 0) return null;
  return deals.reduce((worst, h) => (SEVERITY.indexOf(h) > SEVERITY.indexOf(worst) ? h : worst));
}

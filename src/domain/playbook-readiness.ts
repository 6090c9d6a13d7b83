import { REMORSE_TYPES_NEEDING_TERMS, type Playbook } from './playbook-schema.js';

/**
 * What in a playbook is not yet the adopter's own: the shipped example stories and terms, and the terms a doubt
 * needs that are missing or empty. A client must never read an invented story or a policy nobody offers, so
 * `first100 doctor` fails on each of these.
 */
export function notYetYourOwn(playbook: Playbook): string[] {
  const problems: string[] = [];
  for (const [type, stories] of Object.entries(playbook.caseHistories)) {
    for (const story of stories ?? []) {
      if (story.example) problems.push(`caseHistories.${type}: "${story.title}" is a shipped example; tell a real client's story (with their consent) and remove "example: true"`);
    }
  }
  for (const [type, term] of Object.entries(playbook.remorseTerms)) {
    if (term?.example) problems.push(`remorseTerms.${type}: still the shipped example; write your real terms and remove "example: true"`);
  }
  // Terms are said only by the reassurance email: a playbook that never sends it needs none.
  const reassures = [...Object.values(playbook.phases).flatMap((p) => p?.emails ?? []), ...playbook.checkpoints.flatMap((c) => c.emails)].some((e) => e.template === 'reassurance');
  for (const type of reassures ? REMORSE_TYPES_NEEDING_TERMS : []) {
    if (!playbook.remorseTerms[type]?.terms.trim()) {
      const what = type === 'product_doubt' ? 'your guarantee or refund policy' : 'what you offer after the purchase (returns, free support, training)';
      problems.push(`remorseTerms.${type}: empty; write ${what} in plain words, as the reassurance email will say it`);
    }
  }
  return problems;
}

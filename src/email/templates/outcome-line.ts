import type { Locale } from '../../domain/phases.js';
import type { TemplateInput } from '../template-types.js';

/**
 * What a survey email says about the result, once the PM has recorded how the accomplish phase ended: nothing while
 * nobody has (no email congratulates a client before the result is known), and never a cheerful question that
 * ignores a result the client did not get.
 */
export function outcomeLine(i: TemplateInput, locale: Locale): string[] {
  const outcome = i.accomplishOutcome ?? null;
  if (outcome === null) return [];
  // A reached goal is celebrated where the result is asked about (NPS, the result survey), not in every later survey.
  if (outcome === 'achieved' && i.survey?.kind !== 'NPS') return [];
  const lines = {
    achieved: {
      en: `${i.companyName} reached the goal you came to us for: congratulations, and thank you for the work you put into it.`,
      it: `${i.companyName} ha raggiunto l’obiettivo per cui ci avete scelto: complimenti, e grazie per l’impegno che ci avete messo.`,
    },
    failed: {
      en: `We know that ${i.dealName} has not yet given you the result you came to us for. Your project manager is working on a recovery plan with you; this question is only about the moment named below.`,
      it: `Sappiamo che ${i.dealName} non vi ha ancora dato ciò per cui ci avete scelto. Il vostro project manager sta preparando con voi un piano per recuperare; questa domanda riguarda solo il momento indicato qui sotto.`,
    },
    achieved_not_satisfied: {
      en: 'The goal was reached, but we know that is not the whole story for you. Tell us what is still missing: that is what we want to fix.',
      it: 'L’obiettivo è stato raggiunto, ma sappiamo che per voi non basta. Diteci che cosa manca ancora: è su quello che vogliamo intervenire.',
    },
  } as const;
  return [lines[outcome][locale]];
}

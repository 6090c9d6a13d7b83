import { clientPhase } from '../../domain/client-phases.js';
import type { Template, TemplateInput } from '../template-types.js';
import { greeting, signature } from './greeting.js';
import { progressParagraphs } from './progress-paragraphs.js';

/** Where the client is, in the client's words for the phase (never first100's internal label). */
function whereWeAre(i: TemplateInput, locale: 'en' | 'it'): string[] {
  if (!i.phase) return [];
  const { name, meaning } = clientPhase(i.phase, locale);
  return [locale === 'it' ? `A che punto siamo: “${name}”. ${meaning}` : `Where we are: “${name}”. ${meaning}`];
}

/** Acclimate: clients who know where they are worry less; a silent period is where doubts grow. */
export const milestoneUpdate: Template = {
  en: (i) => ({
    subject: i.onboardingDay ? `${i.companyName}: day ${i.onboardingDay} of your first 100 days` : `${i.companyName}: where we are`,
    preheader: 'Where your project stands and what comes next.',
    heading: i.onboardingDay ? `Day ${i.onboardingDay} of 100` : 'Where we are',
    paragraphs: [
      greeting(i.firstName, 'en'),
      `a short update on ${i.dealName}.`,
      ...whereWeAre(i, 'en'),
      ...(i.progress ? progressParagraphs(i.progress, 'en', i.team?.pm ?? null) : ['Your project manager will share the details of the next milestone and what it needs from your side.']),
      'If you expected something by now that you have not seen, or a date no longer works for you, reply to this email: it is much easier to adjust the plan early.',
    ],
    closing: signature(i.brand.name, 'en'),
  }),
  it: (i) => ({
    subject: i.onboardingDay ? `${i.companyName}: giorno ${i.onboardingDay} dei vostri primi 100` : `${i.companyName}: a che punto siamo`,
    preheader: 'A che punto è il progetto e che cosa viene dopo.',
    heading: i.onboardingDay ? `Giorno ${i.onboardingDay} di 100` : 'A che punto siamo',
    paragraphs: [
      greeting(i.firstName, 'it'),
      `un breve aggiornamento su ${i.dealName}.`,
      ...whereWeAre(i, 'it'),
      ...(i.progress ? progressParagraphs(i.progress, 'it', i.team?.pm ?? null) : ['Il vostro project manager vi darà i dettagli del prossimo traguardo e di che cosa serve da parte vostra.']),
      'Se vi aspettavate qualcosa che non avete ancora visto, o una data non va più bene, rispondete a questa email: è molto più facile modificare il piano per tempo.',
    ],
    closing: signature(i.brand.name, 'it'),
  }),
};

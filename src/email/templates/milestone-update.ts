import type { Template } from '../template-types.js';
import { greeting, signature } from './greeting.js';

/** Acclimate: clients who know where they are worry less; a silent period is where doubts grow. */
export const milestoneUpdate: Template = {
  en: (i) => ({
    subject: i.onboardingDay ? `${i.companyName}: day ${i.onboardingDay} of your first 100 days` : `${i.companyName}: where we are`,
    preheader: 'Where your project stands and what comes next.',
    heading: i.onboardingDay ? `Day ${i.onboardingDay} of 100` : 'Where we are',
    paragraphs: [
      greeting(i.firstName, 'en'),
      `a short update on ${i.dealName}${i.phaseLabel ? `: we are in the "${i.phaseLabel}" phase of your onboarding` : ''}. Your project manager will share the details of the next milestone and what it needs from your side.`,
      'If you expected something by now that you have not seen, or a date no longer works for you, reply to this email: it is much easier to adjust the plan early.',
    ],
    closing: signature(i.brand.name, 'en'),
  }),
  it: (i) => ({
    subject: i.onboardingDay ? `${i.companyName}: giorno ${i.onboardingDay} dei vostri primi 100` : `${i.companyName}: a che punto siamo`,
    preheader: 'A che punto è il progetto e cosa viene dopo.',
    heading: i.onboardingDay ? `Giorno ${i.onboardingDay} di 100` : 'A che punto siamo',
    paragraphs: [
      greeting(i.firstName, 'it'),
      `un breve aggiornamento su ${i.dealName}${i.phaseLabel ? `: siamo nella fase "${i.phaseLabel}" del vostro avvio` : ''}. Il tuo project manager ti darà i dettagli del prossimo traguardo e di cosa serve da parte vostra.`,
      'Se ti aspettavi qualcosa che non hai ancora visto, o una data non va più bene, rispondi a questa email: è molto più facile adattare il piano per tempo.',
    ],
    closing: signature(i.brand.name, 'it'),
  }),
};

/** The 8 onboarding phases of a client's first 100 days, in journey order. */
export const PHASES = [
  'assess',
  'admit',
  'affirm',
  'activate',
  'acclimate',
  'accomplish',
  'adopt',
  'advocate',
] as const;

export type Phase = (typeof PHASES)[number];
export type Locale = 'en' | 'it';

export const PHASE_LABELS: Record<Phase, Record<Locale, string>> = {
  assess: { it: 'Valutazione', en: 'Assess' },
  admit: { it: 'Ammissione', en: 'Admit' },
  affirm: { it: 'Rimorso', en: 'Affirm' },
  activate: { it: 'Attivazione', en: 'Activate' },
  acclimate: { it: 'Adattamento', en: 'Acclimate' },
  accomplish: { it: 'Risultato', en: 'Accomplish' },
  adopt: { it: 'Adozione', en: 'Adopt' },
  advocate: { it: 'Referral', en: 'Advocate' },
};

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

export function phaseLabel(phase: Phase, locale: Locale): string {
  return PHASE_LABELS[phase][locale];
}

import type { Locale } from './phases.js';

/** HubSpot gives a user's locale as "it", "it-it", "en-us"…; first100 speaks Italian to Italians and English to everyone else. */
export function toLocale(raw: string | null | undefined): Locale {
  return raw?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

export type Labels<T extends string> = Record<T, Record<Locale, string>>;

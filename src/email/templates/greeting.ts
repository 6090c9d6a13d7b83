import type { Locale } from '../../domain/phases.js';

export function greeting(firstName: string | null, locale: Locale): string {
  const name = firstName?.trim();
  return locale === 'it' ? (name ? `Buongiorno ${name},` : 'Buongiorno,') : name ? `Hello ${name},` : 'Hello,';
}

export function signature(brand: string, locale: Locale): string[] {
  return locale === 'it' ? ['Cordiali saluti,', `il team di ${brand}`] : ['Warm regards,', `The ${brand} team`];
}

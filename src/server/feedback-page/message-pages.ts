import type { Locale } from '../../domain/phases.js';
import { escapeHtml } from '../../domain/user-text.js';
import { messagePage } from './layout.js';
import { fill, WORDS } from './words.js';

/** Dates as the client reads them: their language, the team's time zone. */
export function formatWhen(at: number, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: timezone }).format(at);
}

export function thanksPage(locale: Locale, token: string, changeUntil: string | null): string {
  const change = changeUntil
    ? `<p>${escapeHtml(fill(WORDS.thanksChange[locale], { until: changeUntil }))}</p><a class="button" href="${encodeURIComponent(token)}">${WORDS.changeLink[locale]}</a>`
    : '';
  return messagePage(locale, WORDS.thanksTitle[locale], WORDS.thanks[locale], change);
}

export const notFoundPage = (locale: Locale) => messagePage(locale, WORDS.notFoundTitle[locale], WORDS.notFound[locale]);

export const expiredPage = (locale: Locale, until: string) =>
  messagePage(locale, WORDS.expiredTitle[locale], fill(WORDS.expired[locale], { date: until }));

export const lockedPage = (locale: Locale, answeredOn: string) =>
  messagePage(locale, WORDS.lockedTitle[locale], fill(WORDS.locked[locale], { date: answeredOn }));

export const tooManyPage = (locale: Locale) => messagePage(locale, WORDS.tooManyTitle[locale], WORDS.tooMany[locale]);

export const unreadablePage = (locale: Locale, max: number) => messagePage(locale, WORDS.unreadableTitle[locale], fill(WORDS.unreadable[locale], { max }));

export const unavailablePage = (locale: Locale) => messagePage(locale, WORDS.unavailableTitle[locale], WORDS.unavailable[locale]);

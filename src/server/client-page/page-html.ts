import type { ClientPageView } from '../../domain/client-page-view.js';
import type { Locale } from '../../domain/phases.js';
import { escapeHtml } from '../../domain/user-text.js';
import type { SharedItem } from '../../store/client-page-reads.js';
import { fill } from '../feedback-page/words.js';
import { clientPage, clientPageStyle, type PageStyle } from './layout.js';
import { agreedSection, feedbackSection, teamSection, type TeamView } from './people-sections.js';
import type { OpenSurvey } from './survey-section.js';
import { visitScriptTag } from './visit-script.js';
import { nextSection, tasksSection, whereSection, type FormTarget } from './progress-sections.js';
import { LINK_WORDS, word } from './words.js';

export interface Brand {
  name: string;
  color: string;
}

export interface ClientPageHtml {
  locale: Locale;
  brand: Brand;
  timezone: string;
  companyName: string;
  view: ClientPageView;
  team: TeamView;
  shared: SharedItem[];
  form: FormTarget;
  maxComment: number;
  /** The survey the contact was sent and has not answered, if any. */
  survey?: OpenSurvey | null;
  /** A line at the top after a form was sent. */
  notice?: string;
}

const LANGUAGES: Record<Locale, string> = { en: 'English', it: 'Italiano' };

/** The header: the adopter's brand, and the switch between the page's languages (plain links, no script). */
function header(brand: Brand, locale: Locale, token: string | null): string {
  const links = token
    ? `<nav aria-label="${word('language', locale)}">` +
      (Object.keys(LANGUAGES) as Locale[])
        .map((l) => `<a href="${encodeURIComponent(token)}?lang=${l}" lang="${l}" hreflang="${l}"${l === locale ? ' aria-current="true"' : ''}>${LANGUAGES[l]}</a>`)
        .join('') +
      `</nav>`
    : '';
  return `<span class="brand">${escapeHtml(brand.name)}</span>${links}`;
}

export function clientPageHtml(p: ClientPageHtml): string {
  const { locale, view } = p;
  const day = view.day === null ? word('notStarted', locale) : fill(word('day', locale), { day: Math.min(view.day, view.totalDays), total: view.totalDays });
  const body =
    `<h1>${escapeHtml(fill(word('heading', locale), { company: p.companyName }))}</h1>` +
    `<p class="day">${escapeHtml(day)}</p>` +
    (p.notice ? `<p class="notice" role="status">${escapeHtml(p.notice)}</p>` : '') +
    whereSection(view, locale) +
    nextSection(view, locale, p.timezone) +
    tasksSection(view, locale, p.timezone, p.form, p.maxComment) +
    teamSection(p.team, locale) +
    agreedSection(p.shared, locale) +
    feedbackSection(locale, p.form, p.maxComment, p.survey ?? null);
  const script = visitScriptTag(p.form.token, p.form.csrf);
  return clientPage(locale, fill(word('title', locale), { brand: p.brand.name }), clientPageStyle(p.brand.color), header(p.brand, locale, p.form.token), body, script);
}

/** A page with one message, for a link that does not open and for the answers to forms; `extra` is escaped HTML. */
export function clientMessagePage(brand: Brand, locale: Locale, title: string, message: string, extra = ''): string {
  const style: PageStyle = clientPageStyle(brand.color);
  return clientPage(locale, title, style, header(brand, locale, null), `<section><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extra}</section>`);
}

/** The form that emails a fresh link; it posts to the link it came from, known or not. */
export function resendForm(locale: Locale, token: string): string {
  return (
    `<form method="post" action="${encodeURIComponent(token)}/resend"><input type="hidden" name="lang" value="${locale}">` +
    `<label for="email">${LINK_WORDS.resendLabel[locale]}</label>` +
    `<input id="email" name="email" type="email" autocomplete="email" required maxlength="254">` +
    `<button type="submit">${LINK_WORDS.resendSend[locale]}</button></form>`
  );
}

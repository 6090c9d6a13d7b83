import type { Locale } from '../../domain/phases.js';
import type { ClientTeamMember } from '../../domain/client-team.js';
import { escapeHtml } from '../../domain/user-text.js';
import type { SharedItem } from '../../store/client-page-reads.js';
import { fill } from '../feedback-page/words.js';
import { section, type FormTarget } from './progress-sections.js';
import { surveyForm, type OpenSurvey } from './survey-section.js';
import { CLIENT_WORDS, word } from './words.js';

/** The PM and the rep; null when not assigned or not known by name yet (left out: a client never reads an id). */
export interface TeamView {
  pm: ClientTeamMember | null;
  rep: ClientTeamMember | null;
}

/** "Your team": the PM and the rep, what each does for the client, and how to reach them. */
export function teamSection(team: TeamView, locale: Locale): string {
  const person = (member: ClientTeamMember | null, role: string, does: string) => {
    if (!member) return '';
    const email = member.email ? `<p><a href="mailto:${escapeHtml(member.email)}">${escapeHtml(member.email)}</a></p>` : '';
    const phone = member.phone ? `<p><a href="tel:${escapeHtml(member.phone.replace(/[^+0-9]/g, ''))}">${escapeHtml(member.phone)}</a></p>` : '';
    return `<div class="person"><h3>${escapeHtml(member.name)}</h3><p class="hint">${escapeHtml(role)}</p><p>${escapeHtml(member.does ?? does)}</p>${email}${phone}</div>`;
  };
  const people = person(team.pm, word('pmRole', locale), word('pmDoes', locale)) + person(team.rep, word('repRole', locale), word('repDoes', locale));
  return section('team', word('teamTitle', locale), people || `<p>${word('teamSoon', locale)}</p>`);
}

/** "What we agreed": only the handoff items the PM shared; absent when none is. */
export function agreedSection(items: SharedItem[], locale: Locale): string {
  if (items.length === 0) return '';
  const labels = CLIENT_WORDS.agreedItems[locale];
  const entries = items.map((i) => `<dt>${escapeHtml(labels[i.key])}</dt>${i.texts.map((t) => `<dd>${escapeHtml(t)}</dd>`).join('')}`).join('');
  return section('agreed', word('agreedTitle', locale), `<dl>${entries}</dl>`);
}

/** "Tell us how it is going": the open survey, if the contact has one, and a free comment that lands on the deal as a note. */
export function feedbackSection(locale: Locale, form: FormTarget, maxComment: number, survey: OpenSurvey | null = null): string {
  return section(
    'feedback',
    word('feedbackTitle', locale),
    (survey ? surveyForm(survey, locale, form) : '') +
      `<form method="post" action="${encodeURIComponent(form.token)}/comment">` +
      `<input type="hidden" name="csrf" value="${form.csrf}"><input type="hidden" name="lang" value="${form.locale}">` +
      `<label for="comment">${word('commentLabel', locale)}</label>` +
      `<p class="hint" id="comment-hint">${fill(word('commentHint', locale), { max: maxComment })}</p>` +
      `<textarea id="comment" name="comment" required maxlength="${maxComment}" aria-describedby="comment-hint"></textarea>` +
      `<button type="submit">${word('commentSend', locale)}</button></form>`,
  );
}

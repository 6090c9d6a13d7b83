import type { ClientPageView, ClientTaskView } from '../../domain/client-page-view.js';
import type { Locale } from '../../domain/phases.js';
import { escapeHtml } from '../../domain/user-text.js';
import { fill } from '../feedback-page/words.js';
import { word } from './words.js';

/** How the page's forms reach the server: relative to the page's own link, each with the page's token. */
export interface FormTarget {
  token: string;
  csrf: string;
  locale: Locale;
}

export function formatDay(at: number, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: timezone }).format(at);
}

/** "Where we are": the phases in the client's words, as an ordered list with the current one marked. */
export function whereSection(v: ClientPageView, locale: Locale): string {
  const stops = v.map
    .map((s) => {
      const hidden = s.state === 'done' ? word('stepDone', locale) : s.state === 'current' ? word('stepCurrent', locale) : '';
      return `<li class="${s.state}"${s.state === 'current' ? ' aria-current="step"' : ''}>${escapeHtml(s.name)}${hidden ? `<span class="vh"> (${hidden})</span>` : ''}</li>`;
    })
    .join('');
  const meaning = v.current ? `<p class="meaning"><strong>${escapeHtml(v.current.name)}</strong>: ${escapeHtml(v.current.meaning)}</p>` : '';
  return section('where', word('whereTitle', locale), `<ol class="map">${stops}</ol>${meaning}`);
}

/** "What comes next": the milestones of this phase the playbook shows the client, with dates, then the next phase. */
export function nextSection(v: ClientPageView, locale: Locale, timezone: string): string {
  if (v.next.length === 0) return section('next', word('nextTitle', locale), `<p>${word('nothingNext', locale)}</p>`);
  const items = v.next
    .map((m) =>
      m.at === null
        ? `<li>${word('nextPhase', locale)}: <strong>${escapeHtml(m.title)}</strong></li>`
        : `<li><strong>${escapeHtml(m.title)}</strong> <span class="when">— ${escapeHtml(formatDay(m.at, locale, timezone))}</span></li>`,
    )
    .join('');
  return section('next', word('nextTitle', locale), `<ul class="next">${items}</ul>`);
}

/** "What we need from you": each client task, why it matters, by when; done, or stuck with a comment. */
export function tasksSection(v: ClientPageView, locale: Locale, timezone: string, form: FormTarget, maxComment: number): string {
  if (v.tasks.length === 0) return section('tasks', word('tasksTitle', locale), `<p>${word('noTasks', locale)}</p>`);
  return section('tasks', word('tasksTitle', locale), v.tasks.map((t) => taskArticle(t, locale, timezone, form, maxComment)).join(''));
}

function taskArticle(t: ClientTaskView, locale: Locale, timezone: string, form: FormTarget, maxComment: number): string {
  const day = (at: number) => escapeHtml(formatDay(at, locale, timezone));
  const who = typeof t.who === 'object' ? `<p class="hint">${escapeHtml(fill(word('forWhom', locale), { who: t.who.label }))}</p>` : '';
  const due = `<p>${fill(word('due', locale), { date: day(t.dueAt) })}${t.overdue ? ` <span class="late">(${word('overdue', locale)})</span>` : ''}</p>`;
  const state =
    t.answer?.status === 'done'
      ? `<p class="state">${fill(word('doneOn', locale), { date: day(t.answer.answeredAt) })}</p>`
      : t.answer?.status === 'stuck'
        ? `<p class="state stuck">${fill(word('stuckOn', locale), { date: day(t.answer.answeredAt) })}</p>`
        : '';
  const action = `${encodeURIComponent(form.token)}/tasks/${encodeURIComponent(t.id)}`;
  const hidden = (status: string) =>
    `<input type="hidden" name="csrf" value="${form.csrf}"><input type="hidden" name="lang" value="${form.locale}"><input type="hidden" name="status" value="${status}">`;
  const id = `stuck-${t.id}`;
  const forms =
    t.answer?.status === 'done'
      ? ''
      : `<form method="post" action="${action}">${hidden('done')}<button type="submit">${word('markDone', locale)}</button></form>` +
        (t.answer?.status === 'stuck'
          ? ''
          : `<details><summary>${word('stuckOpen', locale)}</summary><form method="post" action="${action}">${hidden('stuck')}` +
            `<label for="${id}">${word('stuckLabel', locale)}</label>` +
            `<textarea id="${id}" name="comment" required maxlength="${maxComment}"></textarea>` +
            `<button type="submit" class="secondary">${word('stuckSend', locale)}</button></form></details>`);
  return `<article class="task" id="task-${escapeHtml(t.id)}"><h3>${escapeHtml(t.title)}</h3><p>${escapeHtml(t.why)}</p>${who}${due}${state}${forms}</article>`;
}

export function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}-title" id="${id}"><h2 id="${id}-title">${escapeHtml(title)}</h2>${body}</section>`;
}

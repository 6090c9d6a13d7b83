import { phaseLabel, type Locale, type Phase } from './phases.js';
import { escapeHtml, userHtml } from './user-text.js';

/** Why first100 closes its own open tasks of a deal: it was lost, or it moved back before their phases. */
export type TaskClosingCause = { kind: 'lost'; from: Phase | null } | { kind: 'moved-back'; to: Phase };

export function closingReason(cause: TaskClosingCause, locale: Locale): string {
  if (cause.kind === 'lost') {
    const from = cause.from ? phaseLabel(cause.from, locale) : null;
    if (locale === 'it') return from ? `la trattativa è stata persa durante la fase ${from}` : 'la trattativa è stata persa';
    return from ? `the deal was lost during ${from}` : 'the deal was lost';
  }
  const to = phaseLabel(cause.to, locale);
  return locale === 'it' ? `la trattativa è tornata alla fase ${to}` : `the deal moved back to ${to}`;
}

/** The note that tells the team which of first100's tasks were closed, and why (HTML for hs_note_body). */
export function closedTasksNote(reason: string, subjects: string[], locale: Locale): string {
  const head =
    locale === 'it'
      ? `first100 ha chiuso ${subjects.length === 1 ? "un'attività aperta che aveva creato" : `${subjects.length} attività aperte che aveva creato`}: ${escapeHtml(reason)}.`
      : `first100 closed ${subjects.length === 1 ? 'an open task it had created' : `${subjects.length} open tasks it had created`}: ${escapeHtml(reason)}.`;
  const tail = locale === 'it' ? 'Le attività create da altre persone restano come sono.' : 'Tasks created by other people are left as they are.';
  return `<p>${head}</p><ul>${subjects.map((s) => `<li>${userHtml(s)}</li>`).join('')}</ul><p>${tail}</p>`;
}

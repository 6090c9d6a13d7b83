import type { Handoff, HandoffEvent } from './handoff.js';
import { HANDOFF_ITEMS, itemSpec } from './handoff-items.js';
import { ownEntry } from './own-entry.js';
import { phaseLabel, type Locale, type Phase } from './phases.js';
import { escapeHtml, userHtml } from './user-text.js';

/** The notes first100 writes on a deal's timeline (HTML, as HubSpot's hs_note_body takes it); outside text goes through userHtml. */

const WORDS = {
  submit: { en: 'Handoff submitted by', it: 'Passaggio di consegne inviato da' },
  accepted: { en: 'Handoff accepted by', it: 'Passaggio di consegne accettato da' },
  ask: { en: 'Question on the handoff from', it: 'Domanda sul passaggio di consegne da' },
  moved: { en: 'Onboarding phase moved by', it: 'Fase di onboarding spostata da' },
  started: { en: 'Onboarding started by', it: 'Onboarding avviato da' },
  reason: { en: 'Reason', it: 'Motivo' },
  notStarted: { en: 'not in onboarding', it: 'non in onboarding' },
  empty: { en: '(empty)', it: '(vuoto)' },
};

/** A note for the handoff events people need on the timeline (submit, question, accepted); null for the others. */
export function handoffNote(h: Handoff, event: HandoffEvent, accepted: boolean, actor: string, locale: Locale): string | null {
  const who = userHtml(actor);
  if (accepted) return `<p><strong>${WORDS.accepted[locale]} ${who}</strong></p>${itemList(h, locale)}`;
  if (event.action === 'submit') return `<p><strong>${WORDS.submit[locale]} ${who}</strong></p>${itemList(h, locale)}`;
  if (event.action === 'ask' && event.items[0]) {
    const item = itemSpec(event.items[0]).label[locale];
    return `<p><strong>${WORDS.ask[locale]} ${who}</strong></p><p>${escapeHtml(item)}: ${userHtml(event.text ?? '')}</p>`;
  }
  return null;
}

export function phaseMoveNote(from: Phase | null, to: Phase, reason: string, actor: string, locale: Locale): string {
  const fromLabel = from ? phaseLabel(from, locale) : WORDS.notStarted[locale];
  const title = from ? WORDS.moved[locale] : WORDS.started[locale];
  return (
    `<p><strong>${title} ${userHtml(actor)}</strong>: ${escapeHtml(fromLabel)} → ${escapeHtml(phaseLabel(to, locale))}</p>` +
    `<p>${WORDS.reason[locale]}: ${userHtml(reason)}</p>`
  );
}

function itemList(h: Handoff, locale: Locale): string {
  const rows = HANDOFF_ITEMS.map((spec) => {
    const values = spec.fields
      .map((f) => {
        const raw = h.items[spec.key].values[f.name] ?? '';
        const shown = f.options && raw ? (ownEntry(f.options, raw)?.[locale] ?? raw) : raw;
        return spec.fields.length > 1 ? `${f.label[locale]}: ${shown || WORDS.empty[locale]}` : shown || WORDS.empty[locale];
      })
      .join('; ');
    return `<li><strong>${escapeHtml(spec.label[locale])}</strong>: ${userHtml(values)}</li>`;
  });
  return `<ul>${rows.join('')}</ul>`;
}

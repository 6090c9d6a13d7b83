/**
 * Text that first100 did not write itself — a client's comment, a PM's reason or question, a workflow's input, a
 * deal or company name from the CRM — as it goes into HTML: HubSpot's notes, task bodies and logged emails, and
 * first100's own emails and pages. One rule for all of them, so no path forgets a part of it.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The words that open first100's marker (`first100 ref <16 hex digits>`, see hubspot-port's markerLine), however
 * they are cased or spaced: whitespace of any kind or zero-width characters between them (HubSpot's rich-text
 * editor may turn a space into another).
 */
const MARKER_OPENING = /first100[\s\u200b-\u200d\u2060\ufeff]+ref/giu;

/**
 * Breaks first100's marker pattern in outside text, visibly, so that text quoting a marker is never read as
 * first100's own (an in-doubt look-up would otherwise take the quoted marker for the effect it looks for).
 */
export function neutraliseMarkers(text: string): string {
  return text.replace(MARKER_OPENING, 'first100 (quoted) ref');
}

/** Outside text as it enters HubSpot HTML: markers neutralised, then escaped. */
export function userHtml(text: string): string {
  return escapeHtml(neutraliseMarkers(text));
}

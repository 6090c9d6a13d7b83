import { completeness, type Handoff } from '../domain/handoff.js';
import { HANDOFF_ITEMS, HANDOFF_STATUS_LABELS, itemSpec } from '../domain/handoff-items.js';
import type { Locale } from '../domain/phases.js';
import type { Queryable } from '../store/db.js';
import { readHandoff, readHandoffEvents } from '../store/handoff-store.js';
import type { HandoffView } from './card-api-types.js';

const MAX_HISTORY = 50;
const MAX_THREAD = 10;
/** History lines quote a question's start; the item's thread has it whole. */
const HISTORY_TEXT_CHARS = 200;

/** The checklist as the card renders it: items with localized labels and choices, the thread, who did what. */
export async function handoffView(db: Queryable, dealId: string, locale: Locale, viewerId: string): Promise<HandoffView> {
  const handoff: Handoff = await readHandoff(db, dealId);
  const events = await readHandoffEvents(db, dealId, MAX_HISTORY);
  const names = new Map(events.map((e) => [e.actorUserId, e.actorEmail ?? `HubSpot user ${e.actorUserId}`]));
  const name = (userId: string | null) => (userId === null ? null : (names.get(userId) ?? `HubSpot user ${userId}`));
  return {
    dealId,
    status: handoff.status,
    statusLabel: HANDOFF_STATUS_LABELS[handoff.status][locale],
    completeness: completeness(handoff),
    submittedBy: name(handoff.submittedBy),
    submittedAt: iso(handoff.submittedAt),
    acceptedBy: name(handoff.acceptedBy),
    acceptedAt: iso(handoff.acceptedAt),
    /** The submitter may not review their own handoff: the card hides the review buttons from them. */
    viewerSubmitted: handoff.submittedBy === viewerId,
    items: HANDOFF_ITEMS.map((spec) => {
      const item = handoff.items[spec.key];
      return {
        key: spec.key,
        label: spec.label[locale],
        required: spec.required,
        status: item.status,
        fields: spec.fields.map((f) => ({
          name: f.name,
          label: f.label[locale],
          type: f.type,
          value: item.values[f.name] ?? '',
          ...(f.options ? { options: Object.entries(f.options).map(([value, label]) => ({ value, label: label[locale] })) } : {}),
        })),
        thread: item.thread.slice(-MAX_THREAD).map((t) => ({ kind: t.kind, by: name(t.by), at: iso(t.at), text: t.text })),
      };
    }),
    history: events.map((e) => ({
      at: iso(e.at),
      by: e.actorEmail ?? `HubSpot user ${e.actorUserId}`,
      action: e.action,
      items: e.items.map((k) => itemSpec(k).label[locale]),
      text: e.text && e.text.length > HISTORY_TEXT_CHARS ? `${e.text.slice(0, HISTORY_TEXT_CHARS - 1)}…` : e.text,
    })),
  };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

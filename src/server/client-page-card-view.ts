import { clientPageView } from '../domain/client-page-view.js';
import type { Locale } from '../domain/phases.js';
import type { Engine } from '../jobs/engine.js';
import { readClientPage, SHAREABLE_ITEMS, type ShareableItem } from '../store/client-page-reads.js';
import { CLIENT_WORDS } from './client-page/words.js';

/** What the deal card shows of the client's page: when a contact last used it, its live links, what is shared. */
export interface ClientPageCardView {
  /** When a contact of the deal last used the page (as first100_client_last_seen says), or null. */
  lastSeenAt: number | null;
  activeLinks: number;
  /** Every item the PM may share, with the words the client reads it under, and whether it is shared. */
  items: { key: ShareableItem; label: string; shared: boolean }[];
  /** The client tasks of the deal's current phase, as the client's page lists them, with what the client said. */
  tasks: { id: string; title: string; dueAt: number; status: 'open' | 'done' | 'stuck'; comment: string | null }[];
  /** Set right after "copy the client link": the fresh link, shown once. */
  link?: { url: string; expiresAt: number };
  /** Set right after "send the client their page": to whom it goes, or why it does not. */
  sent?: ClientPageSent;
}

export type ClientPageSent =
  | { kind: 'planned' | 'already-planned'; to: { name: string | null; email: string } }
  | { kind: 'not-sent'; reason: 'no-contact' | 'no-email' | 'unsubscribed' | 'paused' };

export async function clientPageCardView(engine: Engine, dealId: string, locale: Locale, now: number): Promise<ClientPageCardView> {
  const { db } = engine;
  const page = clientPageView(await readClientPage(db, dealId), engine.playbook, engine.calendar, locale, now);
  const [seen] = await db.query<{ at: string | number | null }>('SELECT max(last_seen_at) AS at FROM client_visits WHERE deal_id = $1', [dealId]);
  const [links] = await db.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM client_links WHERE deal_id = $1 AND revoked_at IS NULL AND expires_at > $2',
    [dealId, now],
  );
  const shared = new Set((await db.query<{ item_key: string }>('SELECT item_key FROM client_shared_items WHERE deal_id = $1', [dealId])).map((r) => r.item_key));
  return {
    lastSeenAt: seen?.at == null ? null : Number(seen.at),
    activeLinks: Number(links?.n ?? 0),
    items: SHAREABLE_ITEMS.map((key) => ({ key, label: CLIENT_WORDS.agreedItems[locale][key], shared: shared.has(key) })),
    tasks: page.tasks.map((t) => ({ id: t.id, title: t.title, dueAt: t.dueAt, status: t.answer?.status ?? 'open', comment: t.answer?.comment ?? null })),
  };
}

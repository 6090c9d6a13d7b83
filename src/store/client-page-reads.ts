import type { ClientPageFacts, ClientTaskAnswer } from '../domain/client-page-view.js';
import { HANDOFF_ITEMS, type HandoffItemKey } from '../domain/handoff-items.js';
import { isPhase } from '../domain/phases.js';
import type { Queryable } from './db.js';
import { readHandoff } from './handoff-store.js';

/** The handoff items a PM may share with the client: what was agreed. Fears, risks and internal notes never are. */
export const SHAREABLE_ITEMS = ['goals', 'success_criteria', 'promises'] as const satisfies readonly HandoffItemKey[];
export type ShareableItem = (typeof SHAREABLE_ITEMS)[number];

export function isShareableItem(key: string): key is ShareableItem {
  return (SHAREABLE_ITEMS as readonly string[]).includes(key);
}

export interface SharedItem {
  key: ShareableItem;
  /** The item's text fields, as recorded in the handoff. */
  texts: string[];
}

export interface ClientPageData extends ClientPageFacts {
  dealId: string;
  entryId: string | null;
  companyName: string | null;
  dealName: string | null;
  repOwnerId: string | null;
  pmOwnerId: string | null;
  shared: SharedItem[];
}

interface Row {
  phase: string | null;
  entry_id: string | number | null;
  entered_at: string | number | null;
  day_zero: string | number | null;
  deal_name: string | null;
  company_name: string | null;
  rep_owner_id: string | null;
  pm_owner_id: string | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** Everything the client's page shows of a deal, from first100's store alone (never HubSpot during a request). */
export async function readClientPage(db: Queryable, dealId: string): Promise<ClientPageData> {
  const [row] = await db.query<Row>(
    `SELECT d.phase, d.entry_id, d.entered_at, d.day_zero, d.deal_name, c.name AS company_name, d.rep_owner_id, d.pm_owner_id
       FROM deal_onboarding d LEFT JOIN company_names c ON c.company_id = d.company_id WHERE d.deal_id = $1`,
    [dealId],
  );
  const entryId = row?.entry_id == null ? null : String(row.entry_id);
  const answers = new Map<string, ClientTaskAnswer>();
  if (entryId !== null) {
    const rows = await db.query<{ task_id: string; status: string; comment: string | null; answered_at: string | number }>(
      'SELECT task_id, status, comment, answered_at FROM client_task_answers WHERE deal_id = $1 AND entry_id = $2',
      [dealId, entryId],
    );
    for (const a of rows) answers.set(a.task_id, { status: a.status === 'stuck' ? 'stuck' : 'done', comment: a.comment, answeredAt: Number(a.answered_at) });
  }
  return {
    dealId,
    entryId,
    phase: isPhase(row?.phase) ? row.phase : null,
    enteredAt: num(row?.entered_at ?? null),
    dayZero: num(row?.day_zero ?? null),
    companyName: row?.company_name ?? null,
    dealName: row?.deal_name ?? null,
    repOwnerId: row?.rep_owner_id ?? null,
    pmOwnerId: row?.pm_owner_id ?? null,
    answers,
    shared: await readSharedItems(db, dealId),
  };
}

/** The items the PM marked shareable that hold some text; what the client sees under "what we agreed". */
async function readSharedItems(db: Queryable, dealId: string): Promise<SharedItem[]> {
  const marked = new Set((await db.query<{ item_key: string }>('SELECT item_key FROM client_shared_items WHERE deal_id = $1', [dealId])).map((r) => r.item_key));
  if (marked.size === 0) return [];
  const handoff = await readHandoff(db, dealId);
  const shared: SharedItem[] = [];
  for (const spec of HANDOFF_ITEMS) {
    if (!isShareableItem(spec.key) || !marked.has(spec.key)) continue;
    const values = handoff.items[spec.key].values;
    const texts = spec.fields.filter((f) => f.type === 'text').map((f) => values[f.name]?.trim() ?? '').filter(Boolean);
    if (texts.length > 0) shared.push({ key: spec.key, texts });
  }
  return shared;
}

/** The PM marks an agreed item shareable with the client, or takes it back. */
export async function setItemShared(db: Queryable, dealId: string, key: ShareableItem, shared: boolean, by: string, now: number): Promise<void> {
  if (shared) {
    await db.query(
      'INSERT INTO client_shared_items (deal_id, item_key, shared_by, shared_at) VALUES ($1, $2, $3, $4) ON CONFLICT (deal_id, item_key) DO NOTHING',
      [dealId, key, by, now],
    );
  } else {
    await db.query('DELETE FROM client_shared_items WHERE deal_id = $1 AND item_key = $2', [dealId, key]);
  }
}

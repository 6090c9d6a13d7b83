import { normalizeText } from './input-text.js';
import { isIsoDate } from './iso-date.js';
import { HANDOFF_ITEMS, MAX_FIELD_CHARS, REQUIRED_ITEM_COUNT, type HandoffItemKey, type HandoffItemSpec } from './handoff-items.js';

export const HANDOFF_STATUSES = ['not_started', 'draft', 'submitted', 'changes_requested', 'accepted'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** incomplete: a field is empty; filled: waiting for the PM; question: waiting for sales. */
export type ItemStatus = 'incomplete' | 'filled' | 'accepted' | 'question';

export interface ThreadEntry {
  kind: 'question' | 'answer';
  by: string;
  at: number;
  text: string;
}

export interface HandoffItemState {
  values: Record<string, string>;
  status: ItemStatus;
  thread: ThreadEntry[];
  acceptedBy: string | null;
  acceptedAt: number | null;
}

export interface Handoff {
  status: HandoffStatus;
  items: Record<HandoffItemKey, HandoffItemState>;
  submittedBy: string | null;
  submittedAt: number | null;
  acceptedBy: string | null;
  acceptedAt: number | null;
}

export type ItemValues = Partial<Record<HandoffItemKey, Record<string, string>>>;

interface SalesInput {
  values?: ItemValues;
  answers?: Partial<Record<HandoffItemKey, string>>;
}

export type HandoffAction =
  | ({ type: 'save' } & SalesInput)
  | ({ type: 'submit' } & SalesInput)
  | { type: 'accept'; items: HandoffItemKey[] }
  | { type: 'ask'; item: HandoffItemKey; text: string };

export interface HandoffEvent {
  action: HandoffAction['type'];
  items: HandoffItemKey[];
  text: string | null;
}

export interface HandoffChange {
  handoff: Handoff;
  /** What happened, for the audit trail and the deal's timeline. */
  event: HandoffEvent;
  /** This action completed the handoff. */
  accepted: boolean;
}

/** A request the checklist's rules refuse; `items` names the items concerned. */
export class HandoffRuleError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 403 | 409 | 422,
    message: string,
    readonly items: HandoffItemKey[] = [],
  ) {
    super(message);
  }
}

export function newHandoff(): Handoff {
  const items = Object.fromEntries<HandoffItemState>(
    HANDOFF_ITEMS.map((spec) => [spec.key, { values: emptyValues(spec), status: 'incomplete', thread: [], acceptedBy: null, acceptedAt: null }]),
  ) as Record<HandoffItemKey, HandoffItemState>;
  return { status: 'not_started', items, submittedBy: null, submittedAt: null, acceptedBy: null, acceptedAt: null };
}

/** Completeness is the share of required items the PM accepted, 0–100. */
export function completeness(h: Handoff): number {
  const accepted = HANDOFF_ITEMS.filter((spec) => spec.required && h.items[spec.key].status === 'accepted').length;
  return Math.round((100 * accepted) / REQUIRED_ITEM_COUNT);
}

/** Sales fills and submits; the PM (anyone but the submitter) accepts items or asks questions. Pure. */
export function applyHandoffAction(current: Handoff, action: HandoffAction, actor: string, at: number): HandoffChange {
  const h: Handoff = structuredClone(current);
  if (action.type === 'save' || action.type === 'submit') {
    if (h.status === 'accepted') {
      throw new HandoffRuleError('HANDOFF_ACCEPTED', 409, 'the handoff was accepted; the PM can reopen an item by asking a question about it');
    }
    if (action.type === 'submit' && h.status === 'submitted') {
      throw new HandoffRuleError('HANDOFF_ALREADY_SUBMITTED', 409, 'the handoff is already submitted and waiting for the PM');
    }
    const touched = fill(h, action, actor, at);
    if (action.type === 'save') {
      if (h.status === 'not_started') h.status = 'draft';
      return { handoff: h, event: { action: 'save', items: touched, text: null }, accepted: false };
    }
    const missing = HANDOFF_ITEMS.filter((s) => s.required && h.items[s.key].status === 'incomplete').map((s) => s.key);
    if (missing.length > 0) throw new HandoffRuleError('HANDOFF_INCOMPLETE', 422, 'fill every required item before submitting', missing);
    const open = HANDOFF_ITEMS.filter((s) => h.items[s.key].status === 'question').map((s) => s.key);
    if (open.length > 0) throw new HandoffRuleError('HANDOFF_OPEN_QUESTIONS', 422, "answer the PM's questions before submitting again", open);
    Object.assign(h, { status: 'submitted', submittedBy: actor, submittedAt: at });
    return { handoff: h, event: { action: 'submit', items: touched, text: null }, accepted: false };
  }

  if (h.submittedBy === null) throw new HandoffRuleError('HANDOFF_NOT_SUBMITTED', 409, 'sales has not submitted the handoff yet');
  if (h.submittedBy === actor) {
    throw new HandoffRuleError('HANDOFF_SELF_REVIEW', 403, 'the person who submitted the handoff cannot review it: the PM accepts it or asks questions');
  }
  if (action.type === 'accept') {
    if (h.status === 'accepted') return { handoff: h, event: { action: 'accept', items: [], text: null }, accepted: false };
    const empty = action.items.filter((k) => h.items[k].status === 'incomplete');
    if (empty.length > 0) throw new HandoffRuleError('HANDOFF_ITEM_EMPTY', 422, 'an empty item cannot be accepted; ask sales about it instead', empty);
    const asked = action.items.filter((k) => h.items[k].status === 'question');
    if (asked.length > 0) throw new HandoffRuleError('HANDOFF_ITEM_HAS_QUESTION', 409, "the item waits for sales' answer to your question", asked);
    const accepted = action.items.filter((k) => h.items[k].status === 'filled');
    for (const key of accepted) Object.assign(h.items[key], { status: 'accepted', acceptedBy: actor, acceptedAt: at });
    const becameAccepted = settleReview(h, actor, at);
    return { handoff: h, event: { action: 'accept', items: accepted, text: null }, accepted: becameAccepted };
  }
  const question = checkText(action.text, 'question');
  const item = h.items[action.item];
  Object.assign(item, { status: 'question', acceptedBy: null, acceptedAt: null });
  item.thread.push({ kind: 'question', by: actor, at, text: question });
  Object.assign(h, { status: 'changes_requested', acceptedBy: null, acceptedAt: null });
  return { handoff: h, event: { action: 'ask', items: [action.item], text: question }, accepted: false };
}

/** Applies sales' values and answers; returns the items that changed. */
function fill(h: Handoff, action: SalesInput, actor: string, at: number): HandoffItemKey[] {
  const touched: HandoffItemKey[] = [];
  for (const spec of HANDOFF_ITEMS) {
    const item = h.items[spec.key];
    const given = action.values?.[spec.key];
    const answer = action.answers?.[spec.key];
    const values = given ? { ...item.values, ...normalize(spec, given) } : item.values;
    const changed = spec.fields.some((f) => values[f.name] !== item.values[f.name]);
    if (answer !== undefined && answer.trim() !== '') {
      if (item.status !== 'question') throw new HandoffRuleError('HANDOFF_NO_QUESTION', 422, 'there is no open question on this item to answer', [spec.key]);
      item.thread.push({ kind: 'answer', by: actor, at, text: checkText(answer, 'answer') });
    } else if (!changed) {
      continue;
    }
    item.values = values;
    const complete = spec.fields.every((f) => values[f.name] !== '');
    Object.assign(item, { status: complete ? 'filled' : 'incomplete', acceptedBy: null, acceptedAt: null });
    touched.push(spec.key);
  }
  return touched;
}

/** After a PM action: questions pending → changes requested; every filled item accepted → accepted. */
function settleReview(h: Handoff, actor: string, at: number): boolean {
  const statuses = HANDOFF_ITEMS.map((s) => h.items[s.key].status);
  if (statuses.includes('question')) {
    h.status = 'changes_requested';
    return false;
  }
  const requiredDone = HANDOFF_ITEMS.every((s) => !s.required || h.items[s.key].status === 'accepted');
  if (requiredDone && !statuses.includes('filled')) {
    Object.assign(h, { status: 'accepted', acceptedBy: actor, acceptedAt: at });
    return true;
  }
  h.status = 'submitted';
  return false;
}

function normalize(spec: HandoffItemSpec, given: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(given)) {
    const field = spec.fields.find((f) => f.name === name);
    if (!field) throw new HandoffRuleError('HANDOFF_UNKNOWN_FIELD', 400, `"${spec.key}" has no field "${name}"`, [spec.key]);
    const value = normalizeText(raw.trim());
    if (value.length > MAX_FIELD_CHARS) throw new HandoffRuleError('HANDOFF_TOO_LONG', 422, `keep each field under ${MAX_FIELD_CHARS} characters`, [spec.key]);
    // An own property only: "constructor" or "toString" is not a choice.
    if (value !== '' && field.type === 'enum' && !Object.hasOwn(field.options!, value)) {
      throw new HandoffRuleError('HANDOFF_BAD_OPTION', 422, `"${value}" is not one of the choices for ${name}`, [spec.key]);
    }
    if (value !== '' && field.type === 'date' && !isIsoDate(value)) {
      throw new HandoffRuleError('HANDOFF_BAD_DATE', 422, 'a date is written as YYYY-MM-DD', [spec.key]);
    }
    out[name] = value;
  }
  return out;
}

function checkText(raw: string, what: string): string {
  const text = normalizeText(raw.trim());
  if (text === '') throw new HandoffRuleError('HANDOFF_EMPTY_TEXT', 422, `write the ${what}`);
  if (text.length > MAX_FIELD_CHARS) throw new HandoffRuleError('HANDOFF_TOO_LONG', 422, `keep the ${what} under ${MAX_FIELD_CHARS} characters`);
  return text;
}

function emptyValues(spec: HandoffItemSpec): Record<string, string> {
  return Object.fromEntries(spec.fields.map((f) => [f.name, '']));
}

/** The deal properties that mirror the checklist in HubSpot, for lists, reports and workflows. */
export function handoffProperties(h: Handoff): Record<string, string> {
  const properties: Record<string, string> = {
    first100_handoff_status: h.status,
    first100_handoff_completeness: String(completeness(h)),
  };
  for (const spec of HANDOFF_ITEMS) {
    for (const field of spec.fields) properties[field.property] = h.items[spec.key].values[field.name] ?? '';
  }
  return properties;
}

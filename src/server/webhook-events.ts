import { z } from 'zod';
import { isPlainIdentifier } from '../domain/input-text.js';
import type { IncomingPrivacyDeletion } from '../store/privacy-deletion-store.js';
import type { IncomingStageChange } from '../store/stage-change-store.js';
import type { IncomingTaskCompletion } from '../store/task-completion-events.js';
import type { SetAsideEvent } from '../store/delivery-store.js';
import { HttpError } from './http-error.js';
import { parseJson } from './parse-json-body.js';

/**
 * The window of `occurredAt` first100 accepts, around its own clock. HubSpot retries a delivery for a day, so a week
 * back leaves room for a long outage; ahead, an hour covers any clock skew. Outside it a date is an error (or a
 * forgery): far-future dates once sent the business-day calculation into an endless loop.
 */
export const OCCURRED_AT_WINDOW = { pastMs: 7 * 24 * 3600_000, futureMs: 3600_000 };

const MAX_EVENTS = 1000;
const DEAL_OBJECT_TYPE = '0-3';
const TASK_OBJECT_TYPE = '0-27';

const id = z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/)], { error: 'expected a HubSpot id (digits)' }).transform(String);
const recordId = id.refine((v) => /^[1-9]/.test(v), 'expected a HubSpot record id (a positive number)');
const text = z.string({ error: 'expected a string' });

// Only what first100 reads is checked, and only for the events it acts on: a field HubSpot adds breaks nothing.
const envelope = z.looseObject({ subscriptionType: text.min(1).max(100), portalId: id, propertyName: text.optional(), objectTypeId: text.optional() });
const recordEvent = z.looseObject({ eventId: id, portalId: id, objectId: recordId, occurredAt: z.number({ error: 'expected milliseconds since the epoch' }).int() });
const stageEvent = recordEvent.extend({ propertyValue: text });

export interface DeliveryContents {
  received: number;
  changes: IncomingStageChange[];
  deletions: IncomingPrivacyDeletion[];
  /** Tasks marked completed in HubSpot (a generic `object.propertyChange` on `hs_task_status`); first100's own are kept. */
  completions: IncomingTaskCompletion[];
  /** Malformed events: kept out of the store, counted and logged without their values. */
  setAside: SetAsideEvent[];
  /** Well-formed events first100 does not act on (other kinds, other properties, other accounts). */
  ignored: number;
}

/**
 * Reads a delivery event by event: a malformed event is set aside and the others go on, because HubSpot never
 * retries a delivery answered 400 and the good events in it would be lost. Only a body that is not a JSON array of
 * events at all is refused whole.
 */
export function readDelivery(body: Buffer, o: { now: number; portalId?: string }): DeliveryContents {
  const events = parseArray(body);
  const contents: DeliveryContents = { received: events.length, changes: [], deletions: [], completions: [], setAside: [], ignored: 0 };
  for (const event of events) {
    const verdict = classify(event, o);
    if (verdict.kind === 'change') contents.changes.push(verdict.change);
    else if (verdict.kind === 'deletion') contents.deletions.push(verdict.deletion);
    else if (verdict.kind === 'completion') contents.completions.push(verdict.completion);
    else if (verdict.kind === 'aside') contents.setAside.push(asideOf(event, verdict.reason));
    else contents.ignored += 1;
  }
  return contents;
}

type Verdict =
  | { kind: 'change'; change: IncomingStageChange }
  | { kind: 'deletion'; deletion: IncomingPrivacyDeletion }
  | { kind: 'completion'; completion: IncomingTaskCompletion }
  | { kind: 'aside'; reason: string }
  | { kind: 'ignored' };

function classify(event: unknown, o: { now: number; portalId?: string }): Verdict {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return { kind: 'aside', reason: 'the event is not a JSON object' };
  const head = envelope.safeParse(event);
  if (!head.success) return aside(head.error);
  const { subscriptionType, portalId, propertyName, objectTypeId } = head.data;
  if (o.portalId && portalId !== o.portalId) return { kind: 'ignored' };
  if (subscriptionType === 'contact.privacyDeletion') {
    const e = recordEvent.safeParse(event);
    if (!e.success) return aside(e.error);
    const late = outsideWindow(e.data.occurredAt, o.now);
    if (late) return { kind: 'aside', reason: late };
    return { kind: 'deletion', deletion: { eventId: e.data.eventId, portalId, contactId: e.data.objectId, occurredAt: e.data.occurredAt } };
  }
  if (subscriptionType === 'object.propertyChange' && objectTypeId === TASK_OBJECT_TYPE && propertyName === 'hs_task_status') return taskStatusEvent(event, portalId, o.now);
  const onDeal = subscriptionType === 'deal.propertyChange' || (subscriptionType === 'object.propertyChange' && objectTypeId === DEAL_OBJECT_TYPE);
  if (!onDeal || propertyName !== 'dealstage') return { kind: 'ignored' };
  const e = stageEvent.safeParse(event);
  if (!e.success) return aside(e.error);
  if (e.data.propertyValue === '') return { kind: 'ignored' };
  if (!isPlainIdentifier(e.data.propertyValue)) {
    return { kind: 'aside', reason: 'propertyValue: not a stage id (invisible characters, blanks around it, or over 255 characters)' };
  }
  const late = outsideWindow(e.data.occurredAt, o.now);
  if (late) return { kind: 'aside', reason: late };
  const { eventId, objectId, propertyValue, occurredAt } = e.data;
  return { kind: 'change', change: { eventId, portalId, dealId: objectId, stageId: propertyValue, occurredAt } };
}

/**
 * A task's status changed in HubSpot. Only "completed" is acted on (first100 counts a task done once HubSpot says so,
 * as the health sweep does); a task reopened is ignored.
 */
function taskStatusEvent(event: unknown, portalId: string, now: number): Verdict {
  // The same shape as a stage change: a record and the value its property took.
  const e = stageEvent.safeParse(event);
  if (!e.success) return aside(e.error);
  if (e.data.propertyValue !== 'COMPLETED') return { kind: 'ignored' };
  const late = outsideWindow(e.data.occurredAt, now);
  if (late) return { kind: 'aside', reason: late };
  return { kind: 'completion', completion: { eventId: e.data.eventId, portalId, taskId: e.data.objectId, occurredAt: e.data.occurredAt } };
}

function outsideWindow(occurredAt: number, now: number): string | null {
  if (occurredAt >= now - OCCURRED_AT_WINDOW.pastMs && occurredAt <= now + OCCURRED_AT_WINDOW.futureMs) return null;
  return 'occurredAt: more than 7 days before or 1 hour after our clock';
}

function aside(error: z.ZodError): Verdict {
  const issue = error.issues[0]!;
  return { kind: 'aside', reason: `${issue.path.join('.') || 'event'}: ${issue.message}` };
}

/** What is kept of a set-aside event: which one it was and why, never its values (they may hold personal data). */
function asideOf(event: unknown, reason: string): SetAsideEvent {
  const fields = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const digits = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? String(v) : typeof v === 'string' && /^\d{1,20}$/.test(v) ? v : null);
  const type = fields.subscriptionType;
  return {
    eventId: digits(fields.eventId),
    portalId: digits(fields.portalId),
    subscriptionType: typeof type === 'string' && isPlainIdentifier(type, 100) ? type : null,
    reason,
  };
}

function parseArray(body: Buffer): unknown[] {
  const json = parseJson(body);
  if (!Array.isArray(json)) throw new HttpError(400, 'NOT_AN_ARRAY', 'HubSpot sends a JSON array of events');
  if (json.length > MAX_EVENTS) throw new HttpError(400, 'TOO_MANY_EVENTS', `a delivery holds at most ${MAX_EVENTS} events; HubSpot sends up to 100`);
  return json;
}

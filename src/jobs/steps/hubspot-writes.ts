import type { BatchAnswer } from '../../hubspot/batch-answer.js';
import { HubSpotError } from '../../hubspot/hubspot-error.js';
import { chunk } from '../../hubspot/hubspot-port.js';
import type { AttemptFailure } from '../../store/claim.js';
import type { Engine } from '../engine.js';
import { failureOf, refusal } from '../retry-policy.js';

/**
 * One unit of a HubSpot batch write: a step (a task, a note, an update…) or a message to log. `key` names its input
 * in HubSpot's answer: a create's marker, an update's record id.
 */
export interface WriteUnit {
  key: string;
  dealId: string;
  /** The previous attempt got no answer: HubSpot may already have applied it. */
  inDoubt: boolean;
}

/** How one kind of write reaches HubSpot, and how its units are settled in our store. */
export interface HubSpotWrite<U extends WriteUnit> {
  /** For logs: "tasks", "deal updates"… */
  what: string;
  /** One batch call of at most 100 units, answered per input. */
  write(units: U[]): Promise<BatchAnswer>;
  /**
   * Creates only: the objects on a deal carrying these markers. Present means an unanswered or 5xx attempt may
   * have created them, so they are looked for before anything is created again.
   */
  find?: (dealId: string, keys: string[]) => Promise<Map<string, string>>;
  /** Committed before the call, where the units' state must say a call is under way (a claimed step already does). */
  begin?: (units: U[]) => Promise<void>;
  done(units: { unit: U; hubspotId: string }[]): Promise<void>;
  later(units: U[], failure: AttemptFailure): Promise<void>;
}

/**
 * The one executor of HubSpot writes: settle what an unanswered attempt may have created, then write in batches of
 * 100 and settle each input by HubSpot's answer — done; refused alone with HubSpot's reason (a 207 entry, or a
 * whole-batch 4xx split until the bad input is found, so it never holds the others); or retried later, in doubt
 * for a create HubSpot did not answer or answered 5xx.
 */
export async function runHubSpotWrites<U extends WriteUnit>(engine: Engine, spec: HubSpotWrite<U>, units: U[]): Promise<void> {
  if (units.length === 0) return;
  const fresh = spec.find ? await settleInDoubt(engine, spec, units) : units;
  for (const part of chunk(fresh)) {
    await spec.begin?.(part);
    await writeBatch(engine, spec, part);
  }
}

async function writeBatch<U extends WriteUnit>(engine: Engine, spec: HubSpotWrite<U>, part: U[]): Promise<void> {
  await engine.gate.turn();
  let answer: BatchAnswer;
  try {
    answer = await spec.write(part);
  } catch (error) {
    if (refusesInputs(error) && part.length > 1) {
      // A whole-batch 4xx applied nothing: halve until the refused input stands alone and the others go through.
      const half = Math.ceil(part.length / 2);
      await writeBatch(engine, spec, part.slice(0, half));
      await writeBatch(engine, spec, part.slice(half));
      return;
    }
    logFailure(engine, spec, part, error);
    // A create HubSpot answered 5xx or not at all carries its doubt in the error (src/hubspot/hubspot-http.ts).
    await spec.later(part, failureOf(error, engine));
    return;
  }
  await spec.done(part.filter((u) => answer.done.has(u.key)).map((unit) => ({ unit, hubspotId: answer.done.get(unit.key)! })));
  for (const [reason, refused] of groupBy(part.filter((u) => answer.refused.has(u.key)), (u) => answer.refused.get(u.key)!)) {
    engine.log.warn({ what: spec.what, refused: refused.length, deals: [...new Set(refused.map((u) => u.dealId))].slice(0, 5) }, reason);
    await spec.later(refused, refusal(reason));
  }
  const unanswered = part.filter((u) => !answer.done.has(u.key) && !answer.refused.has(u.key));
  if (unanswered.length > 0) {
    await spec.later(unanswered, { reason: `HubSpot's answer did not mention these ${spec.what}`, transient: true, inDoubt: Boolean(spec.find) });
  }
}

/** For units whose previous attempt got no answer, asks HubSpot what exists; returns the units still to write. */
async function settleInDoubt<U extends WriteUnit>(engine: Engine, spec: HubSpotWrite<U>, units: U[]): Promise<U[]> {
  const fresh = units.filter((u) => !u.inDoubt);
  for (const [dealId, doubtful] of groupBy(units.filter((u) => u.inDoubt), (u) => u.dealId)) {
    try {
      const found = await spec.find!(dealId, doubtful.map((u) => u.key));
      await spec.done(doubtful.filter((u) => found.has(u.key)).map((unit) => ({ unit, hubspotId: found.get(unit.key)! })));
      fresh.push(...doubtful.filter((u) => !found.has(u.key)));
      if (found.size > 0) engine.log.info({ dealId, what: spec.what, recovered: found.size }, 'found in HubSpot what an unanswered attempt had created');
    } catch (error) {
      logFailure(engine, spec, doubtful, error);
      await spec.later(doubtful, failureOf(error, engine, true));
    }
  }
  return fresh;
}

/** A 4xx that refuses the request for what it contains (an invalid value, a deleted record), not for who sent it. */
function refusesInputs(error: unknown): boolean {
  return error instanceof HubSpotError && (error.code === 'VALIDATION' || error.code === 'NOT_FOUND');
}

function logFailure(engine: Engine, spec: { what: string }, units: WriteUnit[], error: unknown): void {
  const failure = error instanceof HubSpotError ? error : undefined;
  engine.log.warn(
    { what: spec.what, units: units.length, code: failure?.code ?? 'INTERNAL', status: failure?.details.status, correlationId: failure?.details.correlationId },
    error instanceof Error ? error.message : String(error),
  );
}

export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

import { markerLine } from './hubspot-port.js';

/**
 * What HubSpot said of each input of one batch write, keyed as the caller keyed its inputs (a create's marker, an
 * update's record id). An input in neither map got no answer: a create is then in doubt, an update is sent again.
 */
export interface BatchAnswer {
  /** Applied, with HubSpot's id of the object. */
  done: Map<string, string>;
  /** Refused for this input alone (a 207 entry), with HubSpot's reason. */
  refused: Map<string, string>;
}

export interface BatchBody {
  results?: { id: string; properties?: Record<string, string | null> }[];
  errors?: { status?: string; category?: string; message?: string; context?: Record<string, string[] | undefined> }[];
}

/**
 * Reads a batch answer (200/201, or 207 Multi-Status with `errors[]`) per input (HUBSPOT-FACTS §11.1). Results are
 * matched to inputs by `keyOfResult`; an error naming record ids (`context.ids`) refuses those inputs; an error
 * naming none refuses the inputs no result answered (a 207's create errors carry no id of ours).
 */
export function readBatchAnswer(body: BatchBody | undefined, keys: string[], keyOfResult: (result: NonNullable<BatchBody['results']>[number]) => string | undefined): BatchAnswer {
  const wanted = new Set(keys);
  const done = new Map<string, string>();
  const refused = new Map<string, string>();
  for (const result of body?.results ?? []) {
    const key = keyOfResult(result);
    if (key !== undefined && wanted.has(key)) done.set(key, result.id);
  }
  const unattributed: string[] = [];
  for (const error of body?.errors ?? []) {
    const reason = `HubSpot refused it (${[error.status, error.category].filter(Boolean).join(' ') || 'error'}): ${error.message ?? 'no message'}`;
    const named = (error.context?.ids ?? []).filter((id) => wanted.has(id) && !done.has(id));
    if (named.length === 0) unattributed.push(reason);
    for (const id of named) refused.set(id, reason);
  }
  if (unattributed.length > 0) {
    for (const key of keys) if (!done.has(key) && !refused.has(key)) refused.set(key, unattributed.join('; '));
  }
  return { done, refused };
}

/**
 * Which of `markers` a created object's text carries as first100's own marker line. The exact line of a wanted
 * marker is matched, never the first marker-looking text: a client's comment quoting another marker is not ours.
 */
export function carriedMarker(text: string | null | undefined, markers: Iterable<string>): string | undefined {
  if (!text) return undefined;
  for (const marker of markers) if (text.includes(markerLine(marker))) return marker;
  return undefined;
}

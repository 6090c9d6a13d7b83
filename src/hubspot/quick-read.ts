import type { CrmObjectType } from './hubspot-port.js';
import type { TryCall } from './call-budget.js';

/** A card's read of one record: found, missing from HubSpot (deleted, merged or never there), or not to be had now. */
export type QuickRead =
  | { kind: 'found'; properties: Record<string, string | null> }
  | { kind: 'missing' }
  | { kind: 'unavailable'; reason: string };

export interface QuickReadSettings {
  accessToken: string;
  apiBaseUrl: string;
  /** Takes a call from the shared budget without waiting; when it cannot, the read is not made. */
  tryCall?: TryCall;
  /** How long the read may take, budget and answer included; the card answers without it after that. */
  quickReadMs?: number;
}

/** Far inside hubspot.fetch's 15 s, and short enough that a card still feels immediate. */
export const QUICK_READ_MS = 1500;

/**
 * The cards' own path to HubSpot, apart from the worker's: one GET with a short deadline, no retries, never
 * waiting on the call budget or queueing behind the worker's calls (it does not go through the API client's
 * limiter). Never throws: a failure is `unavailable`, and the card says so.
 */
export async function readRecordQuickly(
  s: QuickReadSettings,
  objectType: CrmObjectType,
  id: string,
  properties: string[],
): Promise<QuickRead> {
  const ms = s.quickReadMs ?? QUICK_READ_MS;
  const deadline = AbortSignal.timeout(ms);
  try {
    if (s.tryCall && !(await beforeDeadline(s.tryCall(), deadline))) {
      return { kind: 'unavailable', reason: "first100's share of HubSpot calls is in use this second" };
    }
    const query = properties.length > 0 ? `?properties=${encodeURIComponent(properties.join(','))}` : '';
    const res = await fetch(`${s.apiBaseUrl}/crm/v3/objects/${objectType}/${encodeURIComponent(id)}${query}`, {
      headers: { authorization: `Bearer ${s.accessToken}`, accept: 'application/json' },
      signal: deadline,
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return { kind: 'missing' };
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { kind: 'unavailable', reason: `HubSpot answered ${res.status}` };
    }
    const body = (await res.json()) as { properties?: Record<string, string | null> };
    return { kind: 'found', properties: body.properties ?? {} };
  } catch (error) {
    return { kind: 'unavailable', reason: deadline.aborted ? `no answer within ${ms} ms` : `no answer (${(error as Error).message})` };
  }
}

function beforeDeadline<T>(work: Promise<T>, deadline: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(deadline.reason);
    if (deadline.aborted) return abort();
    deadline.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => deadline.removeEventListener('abort', abort));
  });
}

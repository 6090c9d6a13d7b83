import { Client } from '@hubspot/api-client';
import { errorFromResponse, HubSpotError } from './hubspot-error.js';

export interface RetryPolicy {
  /** Total attempts per call, the first included. */
  attempts: number;
  serverErrorDelayMs: number;
  rateLimitDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, serverErrorDelayMs: 500, rateLimitDelayMs: 10_000 };

export interface HubSpotHttpSettings {
  accessToken: string;
  apiBaseUrl: string;
  callsPer10s: number;
  retry?: RetryPolicy;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Waits for a slot in the shared call budget before every request (retries included); searches say so. */
  acquire?: (kind?: 'call' | 'search') => Promise<void>;
}

export interface RequestOptions {
  /**
   * The call creates objects: HubSpot may have created them before answering 5xx or not at all (a gateway timeout),
   * so such an answer is never retried here; it is reported in doubt, and the caller looks for its markers first.
   */
  creates?: boolean;
}

export type HubSpotRequest = <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown, options?: RequestOptions) => Promise<T>;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One call path for every HubSpot request: @hubspot/api-client sends it through its Bottleneck limiter
 * (spacing calls to the budget, expiring hung ones); we retry 5xx and 10-second 429s by HubSpot's policy.
 * The client's own retries are off: they only apply to its typed APIs and cannot be tuned or tested quickly.
 */
export function createHubSpotHttp(settings: HubSpotHttpSettings): HubSpotRequest {
  const retry = settings.retry ?? DEFAULT_RETRY;
  const sleep = settings.sleep ?? sleepFor;
  const client = new Client({
    accessToken: settings.accessToken,
    basePath: settings.apiBaseUrl,
    limiterOptions: { minTime: Math.ceil(10_000 / settings.callsPer10s), maxConcurrent: 5 },
    limiterJobOptions: { expiration: settings.timeoutMs ?? 30_000 },
  });

  return async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const what = `${method} ${path.split('?')[0]}`;
    // Reads and updates can be sent again safely; a create only when HubSpot said it applied nothing (429).
    const repeatable = !options.creates;
    for (let attempt = 1; ; attempt++) {
      let response: Awaited<ReturnType<Client['apiRequest']>>;
      await settings.acquire?.(isSearch(method, path) ? 'search' : 'call');
      try {
        response = await client.apiRequest({ method, path, ...(body === undefined ? {} : { body }) });
      } catch (error) {
        // No answer: HubSpot may or may not have applied a write.
        const failure = new HubSpotError('UNREACHABLE', `${what}: no answer from HubSpot (${(error as Error).message})`, {
          inDoubt: !repeatable,
        });
        if (repeatable && attempt < retry.attempts) {
          await sleep(retry.serverErrorDelayMs * attempt);
          continue;
        }
        throw failure;
      }
      const text = await response.text();
      const parsed = parseJson(text);
      if (response.ok) return parsed as T;
      const failure = errorFromResponse(response.status, (parsed ?? {}) as Record<string, string>, what, { inDoubt: !repeatable });
      const again = failure.code === 'RATE_LIMIT_10S' || (failure.code === 'SERVER_ERROR' && repeatable);
      if (attempt >= retry.attempts || !again) throw failure;
      await sleep((failure.code === 'SERVER_ERROR' ? retry.serverErrorDelayMs : retry.rateLimitDelayMs) * attempt);
    }
  } as HubSpotRequest;
}

/** CRM search endpoints (`POST /crm/v3/objects/{type}/search`) count against HubSpot's separate search limit. */
function isSearch(method: string, path: string): boolean {
  return method === 'POST' && /^\/crm\/v3\/objects\/[^/]+\/search(\?|$)/.test(path);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What HubSpot said of the access token, as /readyz reports it. */
export type TokenState =
  | { state: 'ok'; detail: string }
  /** 401: HubSpot does not take the token (revoked, rotated, mistyped): nothing can be written. */
  | { state: 'token-refused'; detail: string }
  /** 403: the token is real but cannot read deals, which every piece of first100's work starts with. */
  | { state: 'missing-scope'; detail: string }
  /** No answer in time, a 5xx, or an answer we did not expect: work waits and is retried, nothing is lost. */
  | { state: 'unreachable'; detail: string };

export interface TokenProbeSettings {
  apiBaseUrl: string;
  accessToken: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * One cheap authenticated read, `GET /crm/v3/objects/deals?limit=1` (scope crm.objects.deals.read, which the app
 * always has), sent directly and once: a readiness check must answer within its deadline, so it neither waits for
 * a slot in the call budget nor retries. The token-info endpoint is not used, as it does not describe every kind of
 * token (see token-info.ts). A 429 answer means HubSpot knew the token.
 */
export async function probeToken(settings: TokenProbeSettings): Promise<TokenState> {
  const get = settings.fetch ?? fetch;
  let status: number;
  try {
    const res = await get(`${settings.apiBaseUrl}/crm/v3/objects/deals?limit=1`, {
      headers: { authorization: `Bearer ${settings.accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    status = res.status;
    await res.body?.cancel();
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { state: 'unreachable', detail: timedOut ? `HubSpot did not answer within ${settings.timeoutMs} ms` : `HubSpot cannot be reached (${(error as Error).message})` };
  }
  if ((status >= 200 && status < 300) || status === 429) return { state: 'ok', detail: 'HubSpot accepts the access token' };
  if (status === 401) return { state: 'token-refused', detail: 'HubSpot refuses the access token (401): copy HUBSPOT_ACCESS_TOKEN again from the app and restart' };
  if (status === 403) return { state: 'missing-scope', detail: 'the token cannot read deals (403): add crm.objects.deals.read to the app, reinstall it, and use its new token' };
  return { state: 'unreachable', detail: `HubSpot answered ${status}; work waits and is retried` };
}

import { HubSpotError } from './hubspot-error.js';
import type { HubSpotRequest } from './hubspot-http.js';
import type { TokenInfo } from './hubspot-port.js';

/**
 * The account and scopes of a private-app access token (POST /oauth/v2/private-apps/get/access-token-info,
 * body {tokenKey}). Null when HubSpot does not describe this kind of token there; the caller then probes reads.
 */
export async function readTokenInfo(request: HubSpotRequest, accessToken: string): Promise<TokenInfo | null> {
  try {
    const info = await request<{ hubId?: number | string; scopes?: string[] }>('POST', '/oauth/v2/private-apps/get/access-token-info', { tokenKey: accessToken });
    if (info?.hubId === undefined || !Array.isArray(info.scopes)) return null;
    return { hubId: String(info.hubId), scopes: info.scopes };
  } catch (error) {
    if (error instanceof HubSpotError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION')) return null;
    throw error;
  }
}

import { HubSpotError } from './hubspot-error.js';
import type { HubSpotRequest } from './hubspot-http.js';

/** What became of a completion: HubSpot took it, or the callback was already closed (completed before, or expired). */
export type CallbackCompletion =
  | { closedBefore: false }
  | { closedBefore: true; status?: number; category?: string; correlationId?: string; hubspotMessage?: string };

/**
 * Completes a blocked custom workflow action: POST /automation/v4/actions/callbacks/{callbackId}/complete; HubSpot
 * answers 204 without a body.
 *
 * The body: HubSpot's OpenAPI spec (Automation/Actions V4, CallbackCompletionRequest, in v4 and the 2025-09,
 * 2026-03 and 2026-09 versions) lists `outputFields` (a map of strings, hs_execution_state among them) AND
 * `typedOutputs` as required. `typedOutputs` is declared as an object with no properties, and the docs' example
 * sends `"typedOutputs": {}`; what HubSpot would do with typed values in it is not documented, so first100 sends
 * the documented empty object and keeps every output in `outputFields`, which is what workflows read.
 * (@hubspot/api-client 13.5 still sends `outputFields` alone.)
 */
export async function completeWorkflowCallback(request: HubSpotRequest, callbackId: string, outputFields: Record<string, string>): Promise<CallbackCompletion> {
  try {
    await request<void>('POST', `/automation/v4/actions/callbacks/${encodeURIComponent(callbackId)}/complete`, { outputFields, typedOutputs: {} });
    return { closedBefore: false };
  } catch (error) {
    if (!(error instanceof HubSpotError) || !isClosedBefore(error)) throw error;
    const { status, category, correlationId, hubspotMessage } = error.details;
    return { closedBefore: true, status, category, correlationId, hubspotMessage };
  }
}

const CLOSED_WORDS = /already\s+(been\s+)?(completed?|finished|resolved)|expired|no\s+longer\s+(blocked|pending|waiting|active)/i;

/**
 * Whether HubSpot refused the completion because the callback is no longer waiting. Neither the spec (its error
 * answer is the generic `Error` {category, message, correlationId}) nor the docs say what a second completion or one
 * after expiry gets: UNCONFIRMED. So first100 reads it from what HTTP and HubSpot's words mean: 409 Conflict (the
 * callback's state forbids it) and 410 Gone, or a 400, 404 or 422 whose category or message says completed or expired.
 * A bare 404 is NOT taken as closed: a wrong API base URL answers 404 too, and would then silently drop every
 * completion; it is retried and, after the last attempt, fails with HubSpot's answer.
 */
export function isClosedBefore(error: HubSpotError): boolean {
  const status = error.details.status;
  if (status === 409 || status === 410) return true;
  // 401/403 are left out: "the access token has expired" is not about the callback.
  if (status !== 400 && status !== 404 && status !== 422) return false;
  return CLOSED_WORDS.test(`${error.details.category ?? ''} ${error.details.hubspotMessage ?? ''}`);
}

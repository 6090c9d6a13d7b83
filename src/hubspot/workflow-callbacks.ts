import type { HubSpotRequest } from './hubspot-http.js';

/**
 * Completes a blocked custom workflow action: POST /automation/v4/actions/callbacks/{callbackId}/complete with
 * {outputFields}, hs_execution_state among them (SUCCESS or FAIL_CONTINUE). Path and body as in HubSpot's
 * Automation Actions v4 API (@hubspot/api-client 13.5 CallbacksApi.complete, CallbackCompletionRequest) and
 * https://developers.hubspot.com/docs/api-reference/automation-actions-v4-v4/callbacks/post-automation-v4-actions-callbacks-callbackId-complete.
 * HubSpot answers 204 without a body.
 */
export async function completeWorkflowCallback(request: HubSpotRequest, callbackId: string, outputFields: Record<string, string>): Promise<void> {
  await request<void>('POST', `/automation/v4/actions/callbacks/${encodeURIComponent(callbackId)}/complete`, { outputFields });
}

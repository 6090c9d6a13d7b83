import { signV2 } from '../hubspot/signature-v2.js';

export interface WorkflowActionCall {
  /** Where to send it (the server's local address). */
  serverUrl: string;
  /** The public base URL the server verifies signatures against. */
  publicBaseUrl: string;
  secret: string;
  /** start-onboarding | move-phase | send-survey | pause-resume */
  action: string;
  body: string;
}

/** Calls a workflow action exactly as HubSpot does: raw JSON body, v2 signature over the public URL. */
export function postWorkflowAction(c: WorkflowActionCall): Promise<Response> {
  const path = `/api/workflow-actions/${c.action}`;
  return fetch(`${c.serverUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-version': 'v2',
      'x-hubspot-signature': signV2(c.secret, 'POST', `${c.publicBaseUrl}${path}`, c.body),
    },
    body: c.body,
  });
}

/** An execution request shaped like HubSpot's (custom action reference): the call of one action on one deal. */
export function executionRequest(o: { callbackId: string; portalId: string | number; workflowId: number; dealId: string; inputFields: Record<string, string> }): string {
  return JSON.stringify({
    callbackId: o.callbackId,
    origin: { portalId: Number(o.portalId), actionDefinitionId: 1, actionDefinitionVersion: 1 },
    context: { source: 'WORKFLOWS', workflowId: o.workflowId },
    object: { objectId: Number(o.dealId), objectType: 'DEAL' },
    inputFields: o.inputFields,
  });
}

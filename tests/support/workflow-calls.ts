import { executionRequest, postWorkflowAction } from '../../src/cli/post-workflow-action.js';
import { PORTAL, PUBLIC_URL, SECRET } from './start-server.js';

let next = 1;
/** A callback id shaped like HubSpot's (ap-<portal>-<execution>-<action>-<n>), new for each call. */
export function newCallbackId(): string {
  return `ap-${PORTAL}-${Date.now()}-${next++}-0`;
}

export interface WorkflowCallOptions {
  callbackId?: string;
  dealId?: string;
  portalId?: string;
  workflowId?: number;
}

/** Runs a first100 workflow action on a deal the way HubSpot's workflow engine calls it: v2-signed JSON. */
export async function workflowCall(serverUrl: string, action: string, inputFields: Record<string, string>, o: WorkflowCallOptions = {}) {
  const body = executionRequest({
    callbackId: o.callbackId ?? newCallbackId(),
    portalId: o.portalId ?? PORTAL,
    workflowId: o.workflowId ?? 777,
    dealId: o.dealId ?? '42',
    inputFields,
  });
  const res = await postWorkflowAction({ serverUrl, publicBaseUrl: PUBLIC_URL, secret: SECRET, action, body });
  return { res, status: res.status, json: (await res.json()) as { outputFields: Record<string, string>; error?: { code: string } } };
}

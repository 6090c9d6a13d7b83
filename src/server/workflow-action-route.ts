import express, { Router, type Request } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { failureOutputs, isWorkflowAction, type ActionOutputs } from '../domain/workflow-actions.js';
import { verifyV2 } from '../hubspot/signature-v2.js';
import { verifyV3 } from '../hubspot/signature.js';
import { acceptWorkflowCall } from '../actions/accept-workflow-call.js';
import type { Engine } from '../jobs/engine.js';
import { HttpError } from './http-error.js';
import { SIGNATURE_ADVICE } from './webhook-route.js';

export interface WorkflowActionDeps {
  engine: Engine;
  log: Logger;
  clock: () => number;
  clientSecret?: string;
  publicBaseUrl?: string;
  portalId?: string;
  onStored: () => void;
}

export const WORKFLOW_ACTION_PATH = '/api/workflow-actions';
const MAX_BODY_BYTES = 64 * 1024;

// The execution request of a custom workflow action (custom action reference, "Functions"/"Execution"):
// {callbackId, origin: {portalId, actionDefinitionId, …}, context: {source, workflowId}, object: {objectId, objectType}, inputFields}.
const executionRequest = z.object({
  callbackId: z.string().min(1).max(200),
  origin: z.object({ portalId: z.union([z.number(), z.string()]).transform(String) }),
  context: z.object({ workflowId: z.union([z.number(), z.string()]).transform(String).optional() }).optional(),
  object: z.object({ objectId: z.union([z.number(), z.string()]).transform(String), objectType: z.string() }),
  inputFields: z.record(z.string(), z.unknown()).default({}),
});

/**
 * POST /api/workflow-actions/:action, called by HubSpot when a workflow runs one of first100's actions. Only a
 * request signed with the app's client secret gets in: v3 (with its timestamp) when HubSpot sends it, else v2.
 * A refusal of the request itself is an HTTP error; a refusal of what it asks is a FAIL_CONTINUE answer whose
 * errorCode the workflow history shows as a message (see the actions' executionRules).
 */
export function workflowActionRouter(deps: WorkflowActionDeps): Router {
  const router = Router();
  router.post(`${WORKFLOW_ACTION_PATH}/:action`, express.raw({ type: () => true, limit: MAX_BODY_BYTES }), async (req, res) => {
    const action = String(req.params.action);
    if (!isWorkflowAction(action)) throw new HttpError(404, 'UNKNOWN_ACTION', `first100 has no workflow action "${action}"; upload the app's workflow-actions again`);
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    checkSignature(deps, req, body);
    const call = parseRequest(body);
    const answer = (outputs: ActionOutputs) => res.json({ outputFields: outputs });
    const entry = { action, dealId: call.object.objectId, workflowId: call.context?.workflowId };
    if (call.origin.portalId !== deps.portalId) {
      deps.log.warn({ ...entry, portalId: call.origin.portalId }, 'workflow action from another HubSpot account refused');
      return answer(failureOutputs('OTHER_ACCOUNT'));
    }
    if (call.object.objectType.toUpperCase() !== 'DEAL' || !/^\d{1,20}$/.test(call.object.objectId)) return answer(failureOutputs('NOT_A_DEAL'));
    const result = await acceptWorkflowCall(deps.engine, {
      action,
      callbackId: call.callbackId,
      dealId: call.object.objectId,
      workflowId: call.context?.workflowId ?? null,
      inputFields: call.inputFields,
    });
    deps.log.info({ ...entry, state: result.outputs.hs_execution_state, errorCode: result.outputs.errorCode }, 'workflow action answered');
    if (result.stored) deps.onStored();
    answer(result.outputs);
  });
  return router;
}

function checkSignature(deps: WorkflowActionDeps, req: Request, body: Buffer): void {
  if (!deps.clientSecret || !deps.publicBaseUrl || !deps.portalId) {
    throw new HttpError(401, 'SIGNATURE_UNVERIFIABLE', 'workflow actions are refused until HUBSPOT_CLIENT_SECRET, PUBLIC_BASE_URL and HUBSPOT_PORTAL_ID are set');
  }
  const url = deps.publicBaseUrl + req.originalUrl;
  const v3 = req.get('x-hubspot-signature-v3');
  if (v3 !== undefined) {
    const failure = verifyV3(deps.clientSecret, { method: req.method, url, body, signature: v3, timestamp: req.get('x-hubspot-request-timestamp') }, deps.clock());
    if (failure) throw new HttpError(401, `SIGNATURE_${failure.toUpperCase().replace('-', '_')}`, SIGNATURE_ADVICE[failure]);
    return;
  }
  const version = req.get('x-hubspot-signature-version');
  if (version !== undefined && version.toLowerCase() !== 'v2') {
    throw new HttpError(401, 'SIGNATURE_VERSION', `workflow actions must be signed v2 or v3, not ${version}`);
  }
  const signature = req.get('x-hubspot-signature');
  if (!signature) throw new HttpError(401, 'SIGNATURE_MISSING', 'the X-HubSpot-Signature header (v2) or X-HubSpot-Signature-v3 is required');
  if (!verifyV2(deps.clientSecret, { method: req.method, url, body, signature })) throw new HttpError(401, 'SIGNATURE_MISMATCH', SIGNATURE_ADVICE.mismatch);
}

function parseRequest(body: Buffer): z.output<typeof executionRequest> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'the body is not valid JSON');
  }
  const parsed = executionRequest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, 'INVALID_BODY', `${issue.path.join('.') || 'body'}: ${issue.message}; HubSpot sends callbackId, origin, object and inputFields`);
  }
  return parsed.data;
}

import { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { isPlainIdentifier } from '../domain/input-text.js';
import { failureOutputs, isWorkflowAction, type ActionOutputs } from '../domain/workflow-actions.js';
import { acceptWorkflowCall } from '../actions/accept-workflow-call.js';
import type { Engine } from '../jobs/engine.js';
import { HttpError } from './http-error.js';
import { parseJsonBody } from './parse-json-body.js';
import { SIGNED_ROUTES, verifiedBody, verifyHubSpotRequest, type VerifierDeps } from './verify-hubspot-request.js';

export interface WorkflowActionDeps extends VerifierDeps {
  engine: Engine;
  log: Logger;
  onStored: () => void;
}

export const WORKFLOW_ACTION_PATH = '/api/workflow-actions';

// The execution request of a custom workflow action (custom action reference, "Functions"/"Execution"):
// {callbackId, origin: {portalId, actionDefinitionId, …}, context: {source, workflowId}, object: {objectId, objectType}, inputFields}.
const executionRequest = z.object({
  callbackId: z.string().max(200).refine((id) => isPlainIdentifier(id), 'a callback id without blanks or invisible characters'),
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
  router.post(`${WORKFLOW_ACTION_PATH}/:action`, verifyHubSpotRequest(deps, SIGNED_ROUTES.workflowActions), async (req, res) => {
    const action = String(req.params.action);
    if (!isWorkflowAction(action)) throw new HttpError(404, 'UNKNOWN_ACTION', `first100 has no workflow action "${action}"; upload the app's workflow-actions again`);
    const call = parseRequest(verifiedBody(res));
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
    if (result === 'callback-id-reused') {
      throw new HttpError(409, 'CALLBACK_ID_REUSED', 'this callbackId came before with another action, deal or inputs; HubSpot makes a new callbackId for each execution, and a retry sends the same body');
    }
    deps.log.info({ ...entry, state: result.outputs.hs_execution_state, errorCode: result.outputs.errorCode }, 'workflow action answered');
    if (result.stored) deps.onStored();
    answer(result.outputs);
  });
  return router;
}

function parseRequest(body: Buffer): z.output<typeof executionRequest> {
  const parsed = executionRequest.safeParse(parseJsonBody(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, 'INVALID_BODY', `${issue.path.join('.') || 'body'}: ${issue.message}; HubSpot sends callbackId, origin, object and inputFields`);
  }
  return parsed.data;
}

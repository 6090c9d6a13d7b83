import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { IngestGate } from '../jobs/ingest-gate.js';
import type { Engine } from '../jobs/engine.js';
import type { Db } from '../store/db.js';
import { cardRouter } from './card-routes.js';
import { visitScriptRouter } from './client-page/visit-script.js';
import { clientPageRouter } from './client-routes.js';
import { errorHandler } from './error-handler.js';
import { feedbackRouter } from './feedback-routes.js';
import { healthRouter } from './health-routes.js';
import { pageRouter } from './page-routes.js';
import type { SettingsSources } from './settings-view.js';
import type { CheckedToken } from './hubspot-readiness.js';
import { HttpError } from './http-error.js';
import { statusRouter, type StatusFacts } from './status-routes.js';
import { unsubscribeRouter } from './unsubscribe-routes.js';
import { webhookRouter } from './webhook-route.js';
import { workflowActionRouter } from './workflow-action-route.js';

export interface AppDeps {
  db: Db;
  log: Logger;
  clock: () => number;
  dryRun: boolean;
  clientSecret?: string;
  publicBaseUrl?: string;
  portalId?: string;
  onStored: () => void;
  gate: IngestGate;
  /** The cards' backend reads and plans with the engine's store, playbook and HubSpot adapter. */
  engine: Engine;
  /** The access token's check behind /readyz; absent in dry-run. */
  checkHubSpotToken?: () => Promise<CheckedToken>;
  /** Express's `trust proxy`: false (direct), a hop count, or the proxies' addresses. */
  trustProxy?: boolean | number | string;
  /** What the status page at / says about this server. */
  status: StatusFacts;
  /** The settings page's doctor checks and settings; absent, that page answers 503. */
  settings?: SettingsSources;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // req.ip is the client's address only behind proxies we were told to trust (TRUST_PROXY); the survey's rate limit keys on it.
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(webhookRouter(deps));
  app.use(healthRouter(deps));
  app.use(statusRouter(deps));
  app.use(cardRouter(deps));
  app.use(pageRouter(deps));
  app.use(feedbackRouter(deps));
  app.use(visitScriptRouter());
  app.use(clientPageRouter({ engine: deps.engine, log: deps.log, clock: deps.clock, onStored: deps.onStored }));
  app.use(workflowActionRouter(deps));
  app.use(unsubscribeRouter({ db: deps.db, clock: deps.clock, brandName: () => deps.engine.mail?.brand.name ?? 'first100' }));
  app.use((req, _res, next) => next(new HttpError(404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`)));
  app.use(errorHandler(deps.log));
  return app;
}
